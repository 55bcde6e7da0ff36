package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.diffyne.config.DiffyneConfig;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OriginGuardTest {

    static final String JSON = "application/json";
    final FakeRuntime runtime = new FakeRuntime();

    InProcessRest rest(String origins) {
        DiffyneConfig config = InProcessRest.config(Map.of("DIFFYNE_WS_CORS_ORIGINS", origins, "DIFFYNE_RATE_LIMIT", "0"));
        return new InProcessRest(new UpdateResource(runtime, config), new FailureMapper(config), new OriginGuard(config));
    }

    static String action() {
        return UpdateResourceTest.call("increment", "r1");
    }

    @Test
    void aPreflightFromAnAllowedOriginGetsExactCorsHeaders() {
        InProcessRest.Reply reply = rest("https://shop.example, http://localhost:3000").call("OPTIONS", "update", null,
                java.io.InputStream.nullInputStream(), "Origin", "http://localhost:3000",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertEquals(204, reply.status());
        assertEquals("http://localhost:3000", reply.header("Access-Control-Allow-Origin"));
        assertEquals("Origin", reply.header("Vary"));
        assertEquals("true", reply.header("Access-Control-Allow-Credentials"));
        assertEquals("GET, POST, OPTIONS", reply.header("Access-Control-Allow-Methods"));
        assertEquals("Content-Type, Authorization, X-Diffyne-Client, X-Requested-With",
                reply.header("Access-Control-Allow-Headers"));
        assertEquals("600", reply.header("Access-Control-Max-Age"));
    }

    @Test
    void aPreflightFromAnyOtherOriginIs403WithoutCorsHeaders() {
        InProcessRest rest = rest("https://shop.example");
        for (String origin : new String[] {"https://evil.example", "https://shop.example.evil.net", "http://shop.example",
                "null"}) {
            InProcessRest.Reply reply = rest.call("OPTIONS", "update", null, java.io.InputStream.nullInputStream(),
                    "Origin", origin, "Access-Control-Request-Method", "POST");
            assertEquals(403, reply.status(), origin);
            assertNull(reply.header("Access-Control-Allow-Origin"));
            assertEquals("{\"s\":false,\"error\":\"Origin or method not allowed: add the page's origin to "
                    + "DIFFYNE_WS_CORS_ORIGINS\",\"type\":\"security_error\"}", reply.body());
        }
        InProcessRest.Reply put = rest.call("OPTIONS", "update", null, java.io.InputStream.nullInputStream(),
                "Origin", "https://shop.example", "Access-Control-Request-Method", "DELETE");
        assertEquals(403, put.status());
    }

    @Test
    void anyOriginAnswersStarOnlyWhenConfiguredSo() {
        InProcessRest.Reply reply = rest("*").call("OPTIONS", "update", null, java.io.InputStream.nullInputStream(),
                "Origin", "https://anyone.example", "Access-Control-Request-Method", "POST");
        assertEquals(204, reply.status());
        assertEquals("*", reply.header("Access-Control-Allow-Origin"));
        assertNull(reply.header("Vary"));
        assertNull(reply.header("Access-Control-Allow-Credentials"));
    }

    @Test
    void anAllowedOriginGetsItsOriginEchoedOnTheActualResponse() {
        InProcessRest.Reply reply = rest("https://shop.example").post("update", JSON, action(),
                "Origin", "https://shop.example");
        assertEquals(200, reply.status());
        assertEquals("https://shop.example", reply.header("Access-Control-Allow-Origin"));
        assertEquals("Origin", reply.header("Vary"));
        assertEquals("Retry-After", reply.header("Access-Control-Expose-Headers"));
    }

    @Test
    void aCrossSiteOriginCannotRunActions() {
        InProcessRest.Reply reply = rest("https://shop.example").post("update", JSON, action(),
                "Origin", "https://evil.example");
        assertEquals(403, reply.status());
        assertEquals("{\"s\":false,\"error\":\"Cross-site request refused: its Origin is not this site and not in "
                + "DIFFYNE_WS_CORS_ORIGINS\",\"type\":\"security_error\"}", reply.body());
        assertNull(reply.header("Access-Control-Allow-Origin"));
        assertEquals(0, runtime.handled.size());
    }

    @Test
    void sameOriginAndOriginlessRequestsPass() {
        InProcessRest rest = rest("https://shop.example");
        assertEquals(200, rest.post("update", JSON, action(), "Origin", "http://app.test:8080").status());
        assertEquals(200, rest.post("update", JSON, action(), "Origin", "HTTP://App.Test:8080").status());
        assertEquals(200, rest.post("update", JSON, action()).status());
        // behind a TLS-terminating proxy the page's origin is the forwarded one
        assertEquals(200, rest.post("update", JSON, action(), "Origin", "https://app.example",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "app.example").status());
        assertEquals(403, rest.post("update", JSON, action(), "Origin", "http://app.test:8081").status());
        assertEquals(4, runtime.handled.size());
    }

    @Test
    void originsNormalize() {
        assertEquals("https://example.com", Origins.normalize("HTTPS://Example.COM:443"));
        assertEquals("http://localhost:8080", Origins.normalize("http://localhost:8080/"));
        assertNull(Origins.normalize("null"));
        assertNull(Origins.normalize("https://example.com/path"));
        assertNull(Origins.normalize("ftp://example.com"));
        assertNull(Origins.normalize("https://user@example.com"));
        assertEquals("http://a.test:8080", Origins.ofRequest(java.net.URI.create("http://A.test:8080/ctx/"), null, null));
        assertEquals("https://b.test", Origins.ofRequest(java.net.URI.create("http://a.test:8080/ctx/"),
                "https, http", "b.test:443"));
    }
}
