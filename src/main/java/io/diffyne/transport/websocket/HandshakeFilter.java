package io.diffyne.transport.websocket;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.metrics.Metrics;
import io.diffyne.metrics.Refusal;
import io.diffyne.config.DiffyneSettings;
import io.diffyne.protocol.ErrorType;
import io.diffyne.runtime.RateLimiter;
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
 * <p>Before the guard looks at the credential, each client address ({@code DIFFYNE_TRUSTED_PROXIES} decides whether
 * {@code X-Forwarded-For} is believed) gets {@code DIFFYNE_WS_HANDSHAKE_RATE} upgrades a minute, refused or not (so
 * keys cannot be guessed faster either); beyond that, 429 with {@code Retry-After} and
 * {@code {"s":false,"error":"Too many WebSocket handshakes: retry in 3 s (DIFFYNE_WS_HANDSHAKE_RATE)",
 * "type":"rate_limited"}}, before anything is upgraded.
 * <p>An accepted handshake takes one of the address's {@code DIFFYNE_WS_CONNECTIONS_PER_CLIENT} connection slots
 * ({@link ConnectionQuota}), handed to the connection, which gives it back when it closes; an address holding them
 * all is answered 429 {@code {"s":false,"error":"Too many open WebSocket connections from this address: at most 32
 * (DIFFYNE_WS_CONNECTIONS_PER_CLIENT); close one first","type":"rate_limited"}}, before anything is upgraded.
 */
final class HandshakeFilter implements Filter {

    private final HandshakeGuard guard;
    private final RateLimiter handshakes;
    private final ConnectionQuota quota;
    private final Metrics metrics;

    HandshakeFilter(HandshakeGuard guard) {
        this(guard, new RateLimiter(0));
    }

    HandshakeFilter(HandshakeGuard guard, RateLimiter handshakes) {
        this(guard, handshakes, new ConnectionQuota(0));
    }

    HandshakeFilter(HandshakeGuard guard, RateLimiter handshakes, ConnectionQuota quota) {
        this(guard, handshakes, quota, Metrics.detached());
    }

    HandshakeFilter(HandshakeGuard guard, RateLimiter handshakes, ConnectionQuota quota, Metrics metrics) {
        this.guard = guard;
        this.handshakes = handshakes;
        this.quota = quota;
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || !isUpgrade(request)) {
            chain.doFilter(req, res);
            return;
        }
        String client = clientAddress(request);
        long wait = handshakes.acquire(client);
        if (wait > 0) {
            // FINE: a flood would otherwise write one line per attempt
            WebSocketLog.LOG.fine(() -> "WebSocket handshake rate limited from " + client);
            response.setHeader("Retry-After", Long.toString(wait));
            metrics.handshakeRefused(Refusal.RATE);
            refuse(response, 429, "Too many WebSocket handshakes: retry in " + wait + " s ("
                    + DiffyneSettings.WS_HANDSHAKE_RATE + ")", ErrorType.RATE_LIMITED);
            return;
        }
        HandshakeVerdict verdict = guard.check(HandshakeAttempt.fromServlet(request, guard.proxies()));
        if (!verdict.allowed()) {
            metrics.handshakeRefused(verdict.reason().startsWith("Origin ") ? Refusal.ORIGIN : Refusal.CREDENTIAL);
            refuse(response, HttpServletResponse.SC_FORBIDDEN, verdict.reason(), ErrorType.SECURITY_ERROR);
            return;
        }
        ConnectionQuota.Slot slot = quota.tryAcquire(client);
        if (slot == null) {
            WebSocketLog.LOG.fine(() -> "WebSocket handshake refused from " + client + ": " + quota.perClient()
                    + " connections open (" + DiffyneSettings.WS_CONNECTIONS_PER_CLIENT + ")");
            metrics.handshakeRefused(Refusal.CONNECTIONS);
            refuse(response, 429, "Too many open WebSocket connections from this address: at most "
                    + quota.perClient() + " (" + DiffyneSettings.WS_CONNECTIONS_PER_CLIENT + "); close one first",
                    ErrorType.RATE_LIMITED);
            return;
        }
        boolean upgraded = false;
        ConnectionQuota.handOver(slot);
        try {
            chain.doFilter(req, res);
            upgraded = response.getStatus() == 101;
        } finally {
            // the connection owns the slot only if the configurator took it and the upgrade went ahead
            if (!ConnectionQuota.endHandOver(slot) || !upgraded) {
                slot.release();
            } else {
                slot.upgraded();
            }
        }
    }

    private String clientAddress(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        return peer == null || peer.isEmpty() ? "unknown"
                : guard.proxies().clientAddress(peer, request.getHeader("X-Forwarded-For"));
    }

    private static void refuse(HttpServletResponse response, int status, String reason, ErrorType type)
            throws IOException {
        byte[] body = JSON.createObjectBuilder().add("s", false).add("error", reason)
                .add("type", type.wireName()).build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
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
