package io.diffyne.transport.websocket;

import static io.diffyne.state.JsonProviders.JSON;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers a refused WebSocket upgrade with HTTP 403 before the container upgrades it: the only refusal that gives
 * 403 on Payara, Tomcat and WildFly alike (a configurator's {@code checkOrigin} gives 404 on WildFly, an exception in
 * {@code modifyHandshake} 500 everywhere). Mapped to {@code DIFFYNE_WS_PATH} only; other requests pass untouched.
 * Body: {@code {"s":false,"error":"invalid key","type":"security_error"}}.
 */
final class HandshakeFilter implements Filter {

    private final HandshakeGuard guard;

    HandshakeFilter(HandshakeGuard guard) {
        this.guard = guard;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || !isUpgrade(request)) {
            chain.doFilter(req, res);
            return;
        }
        HandshakeVerdict verdict = guard.check(HandshakeAttempt.fromServlet(request, guard.proxies()));
        if (verdict.allowed()) {
            chain.doFilter(req, res);
            return;
        }
        byte[] body = JSON.createObjectBuilder().add("s", false).add("error", verdict.reason())
                .add("type", "security_error").build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static boolean isUpgrade(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return upgrade != null && upgrade.trim().equalsIgnoreCase("websocket");
    }
}
