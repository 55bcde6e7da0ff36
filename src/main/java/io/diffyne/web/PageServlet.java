package io.diffyne.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves the Pebble page {@code pages/<name>.peb} for the mapped paths: the context root is {@code index}, {@code /chat}
 * is {@code chat}. Map it in {@code web.xml}. Page variables: {@code query} (first value of each parameter) and
 * {@code contextPath}.
 */
public class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");

    @Inject
    transient PageTemplates templates;

    @Inject
    transient DiffynePage page;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getServletPath();
        String name = path.isEmpty() || path.equals("/") ? "index" : path.substring(1);
        if (!NAME.matcher(name).matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        Map<String, String> query = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> query.put(k, v.length == 0 ? "" : v[0]));
        variables.put("query", query);
        variables.put("contextPath", request.getContextPath());
        Optional<String> html = templates.render(name, variables, page);
        if (html.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // bytes, not the writer: Grizzly keeps a response's writer buffer (16 KiB of chars) with the connection, so
        // every kept-alive page connection, and the socket that upgrades from it, held one
        byte[] body = html.get().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
