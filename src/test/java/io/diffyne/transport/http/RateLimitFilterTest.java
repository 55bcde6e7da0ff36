package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.runtime.RateLimiter;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimitFilterTest {

    final AtomicLong nanos = new AtomicLong();
    final FakeRuntime runtime = new FakeRuntime();
    final DiffyneConfig config = InProcessRest.config(Map.of("DIFFYNE_WS_CORS_ORIGINS", "https://shop.example"));
    // 60 a minute: bursts of 12, one more each second
    final HttpRateLimit limit = new HttpRateLimit(new RateLimiter(60, 100, nanos::get), config.settings().trustedProxies());
    final InProcessRest rest = new InProcessRest(new UpdateResource(runtime, config, limit), new FailureMapper(config),
            new OriginGuard(config), new RateLimitFilter(limit, 1_048_576));

    @Test
    void aBurstOverTheLimitIs429WithRetryAfterPerAddress() {
        for (int i = 0; i < 12; i++) {
            assertEquals(200, rest.post("update", "application/json", UpdateResourceTest.call("increment", "r" + i)).status());
        }
        InProcessRest.Reply limited = rest.post("update", "application/json", UpdateResourceTest.call("increment", "x"),
                "Origin", "https://shop.example");
        assertEquals(429, limited.status());
        assertEquals("1", limited.header("Retry-After"));
        assertEquals("{\"s\":false,\"error\":\"Too many requests: retry in 1 s (DIFFYNE_RATE_LIMIT)\","
                + "\"type\":\"rate_limited\",\"requestId\":\"x\"}", limited.body());
        // the browser may read it: CORS headers are on the refusal too
        assertEquals("https://shop.example", limited.header("Access-Control-Allow-Origin"));
        assertEquals(12, runtime.handled.size());

        // another address has its own allowance; the first gets one more after a second
        rest.remoteAddress.set("10.0.0.8");
        assertEquals(200, rest.post("update", "application/json", UpdateResourceTest.call("increment", "y")).status());
        rest.remoteAddress.set("10.0.0.7");
        assertEquals(429, rest.get("nothing").status());
        nanos.addAndGet(1_000_000_000L);
        assertEquals(200, rest.post("update", "application/json", UpdateResourceTest.call("increment", "z")).status());
    }

    @Test
    void behindATrustedProxyTheForwardedClientIsCounted() {
        rest.remoteAddress.set("127.0.0.1");
        rest.servletHeaders.put("x-forwarded-for", "6.6.6.6, 203.0.113.9");
        for (int i = 0; i < 12; i++) {
            assertEquals(200, rest.post("update", "application/json", UpdateResourceTest.call("increment", "r")).status());
        }
        assertEquals(429, rest.get("x").status());
        // another client behind the same proxy is not limited; a claim earlier in the list is ignored
        rest.servletHeaders.put("x-forwarded-for", "203.0.113.9, 203.0.113.10");
        assertEquals(200, rest.post("update", "application/json", UpdateResourceTest.call("increment", "r")).status());
        rest.servletHeaders.put("x-forwarded-for", "203.0.113.10, 203.0.113.9");
        assertEquals(429, rest.get("x").status());
        // a peer that is no trusted proxy (a neighbour on the LAN) cannot borrow a limited client's bucket (or
        // escape its own) by claiming an address
        rest.remoteAddress.set("10.0.0.3");
        rest.servletHeaders.put("x-forwarded-for", "203.0.113.9");
        assertEquals(200, rest.post("update", "application/json", UpdateResourceTest.call("increment", "r")).status());
    }

    @Test
    void aBatchCostsOneUnitPerActionAndIsRefusedWholeWhenItCannotAfford() {
        for (int i = 0; i < 8; i++) {
            assertEquals(200, rest.post("update", "application/json", UpdateResourceTest.call("increment", "r" + i)).status());
        }
        // 4 left: the filter takes 1 for the request, the other 9 actions find 3
        InProcessRest.Reply refused = rest.post("update", "application/json", batch("b", 10));
        assertEquals(429, refused.status());
        assertEquals("6", refused.header("Retry-After"));
        StringBuilder expected = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            expected.append(i == 0 ? "" : ",").append("{\"s\":false,\"error\":\"Too many requests: retry in 6 s "
                    + "(DIFFYNE_RATE_LIMIT)\",\"type\":\"rate_limited\",\"requestId\":\"b").append(i).append("\"}");
        }
        assertEquals(expected.append("]").toString(), refused.body());
        assertEquals(8, runtime.handled.size(), "nothing of the refused batch ran");

        InProcessRest.Reply affordable = rest.post("update", "application/json", batch("c", 3));
        assertEquals(200, affordable.status());
        assertEquals(11, runtime.handled.size());
        assertEquals(429, rest.post("update", "application/json", UpdateResourceTest.call("increment", "d")).status(),
                "the batch took 3");
    }

    static String batch(String prefix, int actions) {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < actions; i++) {
            batch.append(i == 0 ? "" : ",").append(UpdateResourceTest.call("increment", prefix + i));
        }
        return batch.append("]").toString();
    }
}
