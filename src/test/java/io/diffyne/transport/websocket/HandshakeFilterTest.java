package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.RecordedResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class HandshakeFilterTest {

    private final HandshakeFilter filter = new HandshakeFilter(new HandshakeGuard(
            HandshakeGuardTest.settings(HandshakeGuardTest.ALLOWED),
            HandshakeTokensTest.tokens(HandshakeTokensTest.KEY, HandshakeTokensTest.NOW)));

    private final RecordedResponse recorded = new RecordedResponse();
    private final AtomicBoolean passed = new AtomicBoolean();

    private HttpServletRequest request(Map<String, String> headers, Map<String, String> params) {
        return request(headers, params, "10.0.0.9");
    }

    private HttpServletRequest request(Map<String, String> headers, Map<String, String> params, String peer) {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getHeader" -> headers.get(((String) a[0]).toLowerCase());
                    case "getParameter" -> params.get((String) a[0]);
                    case "getUserPrincipal" -> null;
                    case "getRemoteAddr" -> peer;
                    case "getScheme" -> "http";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private HttpServletResponse response() {
        return recorded.response();
    }

    @Test
    void refusedUpgradeGets403WithAJsonBody() throws Exception {
        filter.doFilter(request(Map.of("upgrade", "websocket"), Map.of("key", "wrong")), response(),
                (req, res) -> passed.set(true));
        assertFalse(passed.get());
        assertEquals(403, recorded.get("setStatus"));
        assertEquals("application/json", recorded.get("setContentType"));
        assertEquals("no-store", recorded.get("Cache-Control"));
        assertEquals("{\"s\":false,\"error\":\"invalid key\",\"type\":\"security_error\"}",
                recorded.body());
    }

    @Test
    void allowedUpgradeContinues() throws Exception {
        filter.doFilter(request(Map.of("upgrade", "WebSocket"), Map.of("key", HandshakeTokensTest.KEY)), response(),
                (req, res) -> passed.set(true));
        assertTrue(passed.get());
        assertEquals(Map.of(), recorded.set());
    }

    @Test
    void onlyATrustedProxyNamesTheSchemeAndHostThePageUsed() throws Exception {
        String token = HandshakeTokensTest.tokens(HandshakeTokensTest.KEY, HandshakeTokensTest.NOW).issue().value();
        Map<String, String> proxied = Map.of("upgrade", "websocket", "origin", "https://shop.example",
                "host", "backend:8080", "x-forwarded-proto", "https", "x-forwarded-host", "shop.example");
        filter.doFilter(request(proxied, Map.of("token", token), "127.0.0.1"), response(), (req, res) -> passed.set(true));
        assertTrue(passed.get(), "behind the loopback proxy the page's own origin is https://shop.example");

        passed.set(false);
        filter.doFilter(request(proxied, Map.of("token", token), "10.0.0.9"), response(), (req, res) -> passed.set(true));
        assertFalse(passed.get(), "from an untrusted peer the forwarded headers are claims");
        assertEquals(403, recorded.get("setStatus"));
    }

    @Test
    void plainRequestsPassUntouched() throws Exception {
        filter.doFilter(request(Map.of(), Map.of()), response(), (req, res) -> passed.set(true));
        assertTrue(passed.get());
        assertEquals(Map.of(), recorded.set());
    }

    @Test
    void handshakesBeyondTheRatePerClientGet429BeforeTheGuard() throws Exception {
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        HandshakeFilter limited = new HandshakeFilter(new HandshakeGuard(
                HandshakeGuardTest.settings(HandshakeGuardTest.ALLOWED),
                HandshakeTokensTest.tokens(HandshakeTokensTest.KEY, HandshakeTokensTest.NOW)),
                new io.diffyne.runtime.RateLimiter(30, 100, nanos::get)); // bursts of 10, one every 2 s
        Map<String, String> upgrade = Map.of("upgrade", "websocket");
        Map<String, String> key = Map.of("key", HandshakeTokensTest.KEY);
        for (int i = 0; i < 10; i++) {
            limited.doFilter(request(upgrade, i % 2 == 0 ? key : Map.of("key", "guess" + i)), response(),
                    (req, res) -> passed.set(true));
        }
        assertEquals(403, recorded.get("setStatus"), "refused attempts count too");
        recorded.reset();
        passed.set(false);
        limited.doFilter(request(upgrade, key), response(), (req, res) -> passed.set(true));
        assertFalse(passed.get(), "not upgraded, even with the right key");
        assertEquals(429, recorded.get("setStatus"));
        assertEquals("2", recorded.get("Retry-After"));
        assertEquals("{\"s\":false,\"error\":\"Too many WebSocket handshakes: retry in 2 s "
                + "(DIFFYNE_WS_HANDSHAKE_RATE)\",\"type\":\"rate_limited\"}", recorded.body());

        // clients behind a trusted proxy are counted apart; another peer has its own allowance
        limited.doFilter(request(Map.of("upgrade", "websocket", "x-forwarded-for", "203.0.113.9"), key, "127.0.0.1"),
                response(), (req, res) -> passed.set(true));
        assertTrue(passed.get());
        passed.set(false);
        nanos.addAndGet(2_000_000_000L);
        limited.doFilter(request(upgrade, key), response(), (req, res) -> passed.set(true));
        assertTrue(passed.get(), "one more after 2 s");
    }

    private static final Map<String, String> UPGRADE = Map.of("upgrade", "websocket");
    private static final Map<String, String> WITH_KEY = Map.of("key", HandshakeTokensTest.KEY);

    private static HandshakeFilter capped(ConnectionQuota quota) {
        return new HandshakeFilter(new HandshakeGuard(HandshakeGuardTest.settings(HandshakeGuardTest.ALLOWED),
                HandshakeTokensTest.tokens(HandshakeTokensTest.KEY, HandshakeTokensTest.NOW)),
                new io.diffyne.runtime.RateLimiter(0), quota);
    }

    /** A container's upgrade: the configurator takes the slot on the filter's thread, the response turns 101. */
    private static jakarta.servlet.FilterChain upgrade(java.util.List<ConnectionQuota.Slot> opened) {
        return (req, res) -> {
            opened.add(ConnectionQuota.takeHandedOver());
            ((HttpServletResponse) res).setStatus(101);
        };
    }

    @Test
    void openConnectionsPerClientAreCappedBeforeTheUpgradeAndCountedUntilTheyClose() throws Exception {
        ConnectionQuota quota = new ConnectionQuota(2);
        HandshakeFilter capped = capped(quota);
        java.util.List<ConnectionQuota.Slot> opened = new java.util.ArrayList<>();
        capped.doFilter(request(UPGRADE, WITH_KEY), response(), upgrade(opened));
        capped.doFilter(request(UPGRADE, WITH_KEY), response(), upgrade(opened));
        assertEquals(2, quota.count("10.0.0.9"));
        recorded.reset();
        passed.set(false);
        capped.doFilter(request(UPGRADE, WITH_KEY), response(), (req, res) -> passed.set(true));
        assertFalse(passed.get(), "a third connection is refused before the upgrade");
        assertEquals(429, recorded.get("setStatus"));
        assertEquals("{\"s\":false,\"error\":\"Too many open WebSocket connections from this address: at most 2 "
                + "(DIFFYNE_WS_CONNECTIONS_PER_CLIENT); close one first\",\"type\":\"rate_limited\"}",
                recorded.body());

        // another address, and a client behind the trusted proxy, have slots of their own
        capped.doFilter(request(UPGRADE, WITH_KEY, "10.0.0.10"), response(), upgrade(opened));
        capped.doFilter(request(Map.of("upgrade", "websocket", "x-forwarded-for", "203.0.113.9"), WITH_KEY, "127.0.0.1"),
                response(), upgrade(opened));
        assertEquals(1, quota.count("10.0.0.10"));
        assertEquals(1, quota.count("203.0.113.9"));

        opened.get(0).release(); // the first connection closed
        opened.get(0).release(); // twice is harmless
        assertEquals(1, quota.count("10.0.0.9"));
        capped.doFilter(request(UPGRADE, WITH_KEY), response(), upgrade(opened));
        assertEquals(2, quota.count("10.0.0.9"));
        opened.forEach(ConnectionQuota.Slot::release);
        assertEquals(0, quota.clients(), "nothing is kept for an address without connections");
    }

    @Test
    void aSlotTheContainerDidNotUpgradeIsGivenBackAtOnce() throws Exception {
        ConnectionQuota quota = new ConnectionQuota(1);
        HandshakeFilter capped = capped(quota);
        // the container refused the handshake after the configurator ran (a bad Sec-WebSocket-Version, say)
        capped.doFilter(request(UPGRADE, WITH_KEY), response(), (req, res) -> {
            ConnectionQuota.takeHandedOver();
            ((HttpServletResponse) res).setStatus(400);
        });
        assertEquals(0, quota.count("10.0.0.9"));
        // a container whose configurator runs elsewhere: not counted, never leaked
        capped.doFilter(request(UPGRADE, WITH_KEY), response(), (req, res) -> ((HttpServletResponse) res).setStatus(101));
        assertEquals(0, quota.count("10.0.0.9"));
        // the chain failed
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> capped.doFilter(
                request(UPGRADE, WITH_KEY), response(), (req, res) -> {
                    ConnectionQuota.takeHandedOver();
                    throw new java.io.IOException("gone");
                }));
        assertEquals(0, quota.count("10.0.0.9"));
        assertEquals(null, ConnectionQuota.takeHandedOver(), "nothing is left on the thread");
    }
}
