package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.websocket.TestSocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The handshake on a real server configured as in production: a known key and an Origin allowlist. The raw key
 * (query or Bearer) and a page token connect; no key, a wrong key, an expired token, a token without Origin and a
 * foreign Origin are refused with HTTP 403 before the upgrade. Runs its own Payara Micro because the shared
 * server keeps the defaults (random key, any origin). Its only trusted proxy is 192.0.2.1, so the test,
 * connecting from 127.0.0.1, is a client like any other: its {@code X-Forwarded-For} is a claim.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebSocketHandshakeIT {

    private static final String KEY = "websocket-it-key-0123456789abcdef";
    private static final String ALLOWED = "https://app.example";
    private static final Pattern CONNECTED = Pattern.compile(
            "\\{\"event\":\"diffyne.connected\",\"data\":\\{\"clientId\":\"[A-Za-z0-9_-]{22}\"}}");
    private static final Pattern TOKEN = Pattern.compile(
            "\\{\"token\":\"(v1\\.(\\d+)\\.\\.[A-Za-z0-9_-]{43})\",\"tokenExpires\":(\\d+)}");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static PayaraMicroProcess payara;
    private static URI base;

    @BeforeAll
    @Timeout(240)
    static void start() throws Exception {
        payara = PayaraMicroProcess.start("websocket-handshake",
                List.of("-DDIFFYNE_WS_KEY=" + KEY, "-DDIFFYNE_WS_CORS_ORIGINS=" + ALLOWED,
                        "-DDIFFYNE_TRUSTED_PROXIES=192.0.2.1"));
        base = URI.create("http://127.0.0.1:" + payara.port() + "/diffyne/");
        payara.awaitHealthy(base, Duration.ofSeconds(180));
    }

    @AfterAll
    static void stop() throws Exception {
        if (payara != null) {
            payara.close();
        }
    }

    private static URI ws(String query) {
        return TestSocket.wsUri(base, query);
    }

    private static void assertConnects(URI uri, Map<String, String> headers) throws WebSocketHandshakeException {
        try (TestSocket socket = TestSocket.connect(uri, headers)) {
            String greeting = socket.next(WAIT);
            assertTrue(CONNECTED.matcher(greeting).matches(), greeting);
        }
    }

    @Test
    void rawKeyInTheQueryConnects() throws Exception {
        assertConnects(ws("key=" + KEY), Map.of());
    }

    @Test
    void rawKeyAsBearerConnects() throws Exception {
        assertConnects(ws(null), Map.of("Authorization", "Bearer " + KEY));
    }

    @Test
    void tokenFromTheTokenEndpointConnectsFromTheSameAndAnAllowedOrigin() throws Exception {
        String token = TestSocket.pageToken(base);
        assertConnects(ws("token=" + token), Map.of("Origin", TestSocket.origin(base)));
        assertConnects(ws("token=" + token), Map.of("Origin", ALLOWED));
    }

    @Test
    void noCredentialsGet403() {
        assertEquals(403, TestSocket.refusedStatus(ws(null), Map.of()));
        assertEquals(403, TestSocket.refusedStatus(ws(null), Map.of("Origin", TestSocket.origin(base))));
    }

    @Test
    void wrongKeyGets403() {
        assertEquals(403, TestSocket.refusedStatus(ws("key=not-the-key-0123456789"), Map.of()));
        assertEquals(403, TestSocket.refusedStatus(ws(null), Map.of("Authorization", "Bearer not-the-key")));
    }

    @Test
    void expiredTokenGets403() {
        String expired = TestSocket.expiredToken(KEY);
        assertEquals(403, TestSocket.refusedStatus(ws("token=" + expired), Map.of("Origin", TestSocket.origin(base))));
    }

    @Test
    void foreignOriginGets403EvenWithTheKey() {
        assertEquals(403, TestSocket.refusedStatus(ws("key=" + KEY), Map.of("Origin", "https://evil.example")));
        String token = TestSocket.pageToken(base);
        assertEquals(403, TestSocket.refusedStatus(ws("token=" + token), Map.of("Origin", "https://evil.example")));
    }

    @Test
    void tokenWithoutOriginGets403() {
        assertEquals(403, TestSocket.refusedStatus(ws("token=" + TestSocket.pageToken(base)), Map.of()));
    }

    @Test
    void refusalsAreLoggedWithoutTheCredential() throws Exception {
        String guess = "guessed-key-" + System.nanoTime();
        assertEquals(403, TestSocket.refusedStatus(ws("key=" + guess), Map.of()));
        String output = payara.awaitOutput(out -> out.contains("WebSocket handshake refused from 127.0.0.1: invalid key"),
                WAIT);
        assertTrue(output.contains("WebSocket handshake refused from 127.0.0.1: invalid key"), "refusal logged");
        assertTrue(!output.contains(guess) && !output.contains(KEY), "no credential in the log");
    }

    @Test
    void tokenEndpointAnswersPagesOnAllowedOriginsOnly() {
        HttpResponse<String> foreign = TestSocket.postToken(base, "https://evil.example");
        assertEquals(403, foreign.statusCode());
        // the REST layer's cross-site policy refuses a foreign Origin before the token resource runs
        assertEquals("{\"s\":false,\"error\":\"Cross-site request refused: its Origin is not this site and not in "
                + "DIFFYNE_WS_CORS_ORIGINS\",\"type\":\"security_error\"}", foreign.body());
        HttpResponse<String> none = TestSocket.postToken(base, null);
        assertEquals(403, none.statusCode());
        assertEquals("{\"s\":false,\"error\":\"tokens are issued to pages only (no Origin header)\","
                + "\"type\":\"security_error\"}", none.body());

        HttpResponse<String> ok = TestSocket.postToken(base, ALLOWED);
        assertEquals(200, ok.statusCode());
        assertEquals("no-store", ok.headers().firstValue("Cache-Control").orElse(""));
        Matcher m = TOKEN.matcher(ok.body());
        assertTrue(m.matches(), ok.body());
        assertEquals(m.group(2), m.group(3), "the expiry inside the token is the one announced");
        long ttl = Long.parseLong(m.group(3)) - System.currentTimeMillis();
        assertTrue(ttl > 800_000 && ttl <= 900_000, "default DIFFYNE_WS_TOKEN_TTL is 900 s, got " + ttl + " ms");
    }

    @Test
    void pagesEmbedATokenThatConnects() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("chat")).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\":\"(v1\\.[^\"]+)\",\"tokenExpires\":\\d+").matcher(page.body());
        assertTrue(m.find(), "the bootstrap config carries a token");
        assertConnects(ws("token=" + m.group(1)), Map.of("Origin", TestSocket.origin(base)));
    }

    /** Last: it spends the test's whole allowance (600 a minute, bursts of 120). */
    @Test
    @Order(Integer.MAX_VALUE)
    void aClientThatIsNoTrustedProxyCannotPickItsRateLimitBucket() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int status = 200;
        int sent = 0;
        while (status != 429 && sent < 400) {
            sent++;
            HttpRequest request = HttpRequest.newBuilder(base.resolve("_diffyne/token")).timeout(WAIT)
                    .header("Origin", ALLOWED).header("X-Forwarded-For", "203.0.113." + (sent % 250))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        assertEquals(429, status, "every claimed address drew from 127.0.0.1's allowance, so it ran out");
        assertTrue(sent < 250, "refused before any claimed address came round again, after " + sent);
    }
}
