<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" session="false" %>
<%@ taglib prefix="diffyne" uri="urn:diffyne:tags" %>
<%-- The demo's JSP page: the same counter as the Pebble pages, mounted by the tag and by the EL bean. --%>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>JSP · Diffyne for Jakarta EE</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/demo.css">
</head>
<body>
  <header class="top">
    <a class="brand" href="${pageContext.request.contextPath}/">Diffyne <small>for Jakarta EE</small></a>
    <nav><a href="${pageContext.request.contextPath}/">Components</a> <a href="${pageContext.request.contextPath}/chat">Chat</a> <a href="${pageContext.request.contextPath}/jsp/counter.jsp">JSP</a> <a href="${pageContext.request.contextPath}/health">Health</a></nav>
    <div id="connection" class="connection" aria-live="polite"><span class="dot"></span> <span class="label">connecting…</span> <span class="latency"></span></div>
  </header>
  <main>
    <div class="grid">
      <%-- the tag: every attribute but name is a mount parameter --%>
      <diffyne:component name="counter" step="2"/>
      <%-- the EL bean: ${diffyne} is the request's io.diffyne.web.DiffynePage --%>
      ${diffyne.mount('counter', {'step': 5})}
    </div>
  </main>
  <diffyne:scripts/>
  <script src="${pageContext.request.contextPath}/demo.js" defer></script>
</body>
</html>
