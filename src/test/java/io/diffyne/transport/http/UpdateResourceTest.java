package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.runtime.Channel;
import io.diffyne.runtime.RateLimiter;
import io.diffyne.runtime.ClientContext;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class UpdateResourceTest {

    static final String JSON = "application/json";
    static final String SNAPSHOT = "{\"component\":\"counter\",\"id\":\"q3Xv9Tz0bA1c\",\"version\":1,\"state\":{\"count\":0},\"sig\":\"x\"}";

    final FakeRuntime runtime = new FakeRuntime();
    final DiffyneConfig config = InProcessRest.config(Map.of("DIFFYNE_WS_MAX_MESSAGE_SIZE", "2048",
            "DIFFYNE_RATE_LIMIT", "0"));
    final InProcessRest rest = new InProcessRest(new UpdateResource(runtime, config), new FailureMapper(config),
            new OriginGuard(config), new RateLimitFilter(new HttpRateLimit(config), config.settings().maxMessageSize()));

    static String call(String method, String requestId) {
        return "{\"type\":\"call\",\"requestId\":\"" + requestId + "\",\"snapshot\":" + SNAPSHOT + ",\"method\":\""
                + method + "\"}";
    }

    @Test
    void oneActionAnswersTheRuntimeResultWithItsStatus() {
        InProcessRest.Reply reply = rest.post("update", JSON, call("increment", "r1"));
        assertEquals(200, reply.status());
        assertEquals("{\"s\":true,\"c\":{\"i\":\"q3Xv9Tz0bA1c\",\"m\":\"increment\"},\"requestId\":\"r1\"}", reply.body());
        assertEquals("application/json;charset=UTF-8", reply.header("Content-Type"));

        InProcessRest.Reply failed = rest.post("update", JSON, call("fail", "r2"));
        assertEquals(422, failed.status());
        assertEquals("{\"s\":false,\"error\":\"Invalid\",\"type\":\"validation_error\",\"requestId\":\"r2\"}",
                failed.body());
        assertEquals(403, rest.post("update", JSON, call("locked", "r3")).status());
    }

    @Test
    void aBatchAnswers200WithEveryResultInOrder() {
        InProcessRest.Reply reply = rest.post("update", JSON,
                "[" + call("increment", "a") + "," + call("fail", "b") + "," + call("decrement", "c") + "]");
        assertEquals(200, reply.status());
        assertEquals("[{\"s\":true,\"c\":{\"i\":\"q3Xv9Tz0bA1c\",\"m\":\"increment\"},\"requestId\":\"a\"},"
                + "{\"s\":false,\"error\":\"Invalid\",\"type\":\"validation_error\",\"requestId\":\"b\"},"
                + "{\"s\":true,\"c\":{\"i\":\"q3Xv9Tz0bA1c\",\"m\":\"decrement\"},\"requestId\":\"c\"}]", reply.body());
        assertEquals(List.of("a", "b", "c"), runtime.handled.stream().map(r -> r.requestId()).toList());
    }

    @Test
    void malformedJsonIs400() {
        InProcessRest.Reply reply = rest.post("update", JSON, "{\"type\":");
        assertEquals(400, reply.status());
        assertEquals("{\"s\":false,\"error\":\"Malformed JSON at offset 8: unexpected end of input\","
                + "\"type\":\"bad_request\"}", reply.body());
        assertEquals(400, rest.post("update", JSON, "[]").status());
        InProcessRest.Reply noMethod = rest.post("update", JSON, "{\"type\":\"call\",\"snapshot\":" + SNAPSHOT + "}");
        assertEquals("{\"s\":false,\"error\":\"Missing 'method'\",\"type\":\"bad_request\"}", noMethod.body());
        assertTrue(runtime.handled.isEmpty());
    }

    @Test
    void aRefusedActionNamesItsRequestIdAloneAndInABatch() {
        InProcessRest.Reply one = rest.post("update", JSON, "{\"type\":\"call\",\"requestId\":\"r1\",\"snapshot\":"
                + SNAPSHOT + "}");
        assertEquals(400, one.status());
        assertEquals("{\"s\":false,\"error\":\"Missing 'method'\",\"type\":\"bad_request\",\"requestId\":\"r1\"}",
                one.body());
        // in a batch the malformed action is refused in its place; the others still run
        InProcessRest.Reply batch = rest.post("update", JSON, "[" + call("increment", "a") + ",{\"type\":\"explode\","
                + "\"requestId\":\"b\"}," + call("decrement", "c") + "]");
        assertEquals(200, batch.status());
        assertEquals("[{\"s\":true,\"c\":{\"i\":\"q3Xv9Tz0bA1c\",\"m\":\"increment\"},\"requestId\":\"a\"},"
                + "{\"s\":false,\"error\":\"Unknown request type 'explode': use call, update, event or render\","
                + "\"type\":\"bad_request\",\"requestId\":\"b\"},"
                + "{\"s\":true,\"c\":{\"i\":\"q3Xv9Tz0bA1c\",\"m\":\"decrement\"},\"requestId\":\"c\"}]", batch.body());
        assertEquals(List.of("a", "c"), runtime.handled.stream().map(r -> r.requestId()).toList());
    }

    @Test
    void hostileJsonIsABadRequestNeverAServerError() {
        InProcessRest.Reply number = rest.post("update", JSON, "{\"type\":\"call\",\"requestId\":\"r1\",\"params\":["
                + "1".repeat(1500) + "]}");
        assertEquals(400, number.status());
        assertEquals("{\"s\":false,\"error\":\"Malformed JSON at offset 42: number longer than 1100 characters\","
                + "\"type\":\"bad_request\"}", number.body());
        InProcessRest.Reply deep = rest.post("update", JSON, "[".repeat(1000));
        assertEquals(400, deep.status());
        assertEquals("{\"s\":false,\"error\":\"Malformed JSON at offset 64: nesting deeper than 64\","
                + "\"type\":\"bad_request\"}", deep.body());
        InProcessRest.Reply duplicate = rest.post("update", JSON, "{\"type\":\"call\",\"type\":\"update\"}");
        assertEquals(400, duplicate.status());
        assertEquals("{\"s\":false,\"error\":\"Malformed JSON at offset 15: duplicate object key\","
                + "\"type\":\"bad_request\"}", duplicate.body());
        assertEquals("{\"s\":false,\"error\":\"Malformed JSON: expected an object or an array, got a string\","
                + "\"type\":\"bad_request\"}", rest.post("update", JSON, "\"call\"").body());
        assertTrue(runtime.handled.isEmpty());
    }

    @Test
    void aRateLimitedBodyNamesEveryRefusedRequestId() {
        AtomicLong nanos = new AtomicLong();
        InProcessRest limited = new InProcessRest(new UpdateResource(runtime, config), new FailureMapper(config),
                new RateLimitFilter(new HttpRateLimit(new RateLimiter(5, 100, nanos::get),
                        config.settings().trustedProxies()), 2048)); // a burst of 10, then one each 12 s
        for (int i = 0; i < 10; i++) {
            assertEquals(200, limited.post("update", JSON, call("increment", "r1")).status());
        }
        InProcessRest.Reply one = limited.post("update", JSON, call("increment", "r2"));
        assertEquals(429, one.status());
        String refusal = "{\"s\":false,\"error\":\"Too many requests: retry in 12 s (DIFFYNE_RATE_LIMIT)\","
                + "\"type\":\"rate_limited\"";
        assertEquals(refusal + ",\"requestId\":\"r2\"}", one.body());
        InProcessRest.Reply batch = limited.post("update", JSON, "[" + call("increment", "a") + ",{\"type\":\"call\"},"
                + call("increment", "c") + "]");
        assertEquals(429, batch.status());
        assertEquals("[" + refusal + ",\"requestId\":\"a\"}," + refusal + "}," + refusal + ",\"requestId\":\"c\"}]",
                batch.body());
        // a body that is not JSON, or is over the limit, is still refused, without a requestId
        assertEquals(refusal + "}", limited.post("update", JSON, "{oops").body());
        assertEquals(refusal + "}", limited.post("update", "text/plain", call("increment", "r3")).body());
        assertEquals(refusal + "}", limited.post("update", JSON, " ".repeat(2049) + call("increment", "r4")).body());
        assertEquals(10, runtime.handled.size());
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
        InProcessRest.Reply reply = rest.call("POST", "update", JSON, new java.io.ByteArrayInputStream(body));
        assertEquals(400, reply.status());
        assertEquals("{\"s\":false,\"error\":\"The body is not valid UTF-8\",\"type\":\"bad_request\"}", reply.body());
    }

    @Test
    void aNonJsonContentTypeIs415() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/json; charset=ISO-8859-1"}) {
            InProcessRest.Reply reply = rest.post("update", type, call("increment", "r1"));
            assertEquals(415, reply.status(), type);
            assertTrue(reply.body().endsWith("\"type\":\"unsupported_media_type\"}"), reply.body());
        }
        assertEquals("{\"s\":false,\"error\":\"Send the body as Content-Type: application/json\","
                + "\"type\":\"unsupported_media_type\"}", rest.post("update", "text/plain", "{}").body());
        assertEquals(200, rest.post("update", "application/json; charset=utf-8", call("increment", "r1")).status());
        // a type that does not parse never reaches the resource (in a servlet container ContentTypeFilter answers it
        // first, ContentTypeFilterTest)
        for (String type : new String[] {"application/json; charset", "json", "/", "application/json; a=\"b"}) {
            int status = rest.post("update", type, call("increment", "r1")).status();
            assertTrue(status == 400 || status == 415, type + ": " + status);
        }
        assertTrue(runtime.handled.size() == 1);
    }

    @Test
    void aBodyOverTheLimitIs413WithoutReadingTheRest() {
        String big = "[" + (call("increment", "r") + ",").repeat(30) + call("increment", "r") + "]";
        InProcessRest.Reply declared = rest.post("update", JSON, big, "Content-Length", Integer.toString(big.length()));
        assertEquals(413, declared.status());
        assertEquals("{\"s\":false,\"error\":\"The body is over the 2048-byte limit (DIFFYNE_WS_MAX_MESSAGE_SIZE); "
                + "send fewer actions per batch\",\"type\":\"payload_too_large\"}", declared.body());
        assertEquals("close", declared.header("Connection"));

        // chunked, and endless: only the limit plus one byte may be read
        long[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return ' ';
            }
        };
        InProcessRest.Reply chunked = rest.call("POST", "update", JSON, endless);
        assertEquals(413, chunked.status());
        assertEquals(2049, read[0]);
        assertTrue(runtime.handled.isEmpty());
    }

    @Test
    void anUnexpectedFailureIsAGeneric500WithTheDetailOnlyInTheLog() {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        FailureMapper.LOG.addHandler(capture);
        try {
            InProcessRest.Reply reply = rest.post("update", JSON, call("boom", "r1"));
            assertEquals(500, reply.status());
            assertTrue(reply.body().matches("\\{\"s\":false,\"error\":\"Internal server error \\(incident [0-9a-f]{8}\\); "
                    + "the details are in the server log\",\"type\":\"server_error\"}"), reply.body());
            assertFalse(reply.body().contains("secret"));
            assertEquals(1, records.size());
            assertEquals(Level.SEVERE, records.get(0).getLevel());
            assertEquals("secret detail at Counter.java:42", records.get(0).getThrown().getMessage());
            String incident = reply.body().replaceAll(".*incident ([0-9a-f]{8}).*", "$1");
            assertTrue(records.get(0).getMessage().contains(incident));
        } finally {
            FailureMapper.LOG.removeHandler(capture);
        }
    }

    @Test
    void aClientThatGoesAwayMidBodyIsABadRequestNotAServerError() {
        InputStream broken = new InputStream() {
            int sent;

            @Override
            public int read() throws java.io.IOException {
                if (sent++ < 10) {
                    return '[';
                }
                throw new java.io.IOException("Connection reset by peer");
            }
        };
        InProcessRest.Reply reply = rest.call("POST", "update", JSON, broken);
        assertEquals(400, reply.status());
        assertEquals("{\"s\":false,\"error\":\"The request body could not be read\",\"type\":\"bad_request\"}",
                reply.body());
        assertTrue(runtime.handled.isEmpty());
    }

    @Test
    void debugAddsTheExceptionToThe500() {
        DiffyneConfig debug = InProcessRest.config(Map.of("DIFFYNE_DEBUG", "true"));
        InProcessRest debugRest = new InProcessRest(new UpdateResource(runtime, debug), new FailureMapper(debug));
        InProcessRest.Reply reply = debugRest.post("update", JSON, call("boom", "r1"));
        assertEquals(500, reply.status());
        assertTrue(reply.body().endsWith(",\"type\":\"server_error\",\"detail\":"
                + "\"java.lang.IllegalStateException: secret detail at Counter.java:42\"}"), reply.body());
    }

    @Test
    void restErrorsAreJsonToo() {
        InProcessRest.Reply missing = rest.get("nothing-here");
        assertEquals(404, missing.status());
        assertEquals("{\"s\":false,\"error\":\"No such Diffyne endpoint\",\"type\":\"not_found\"}", missing.body());
        InProcessRest.Reply wrongMethod = rest.get("update");
        assertEquals(405, wrongMethod.status());
        assertEquals("{\"s\":false,\"error\":\"Method not allowed on this Diffyne endpoint\",\"type\":\"bad_request\"}",
                wrongMethod.body());
        assertEquals("application/json;charset=UTF-8", wrongMethod.header("Content-Type"));
        assertTrue(wrongMethod.header("Allow").contains("POST"), wrongMethod.headers().toString());
    }

    @Test
    void theClientIsTheHeaderOrTheAddressAndThePrincipalComesFromTheServletRequest() {
        rest.post("update", JSON, call("increment", "r1"), "X-Diffyne-Client", "tab-7f3a9c01");
        rest.principal.set("ada");
        rest.post("update", JSON, call("increment", "r2"));
        assertEquals(List.of(new ClientContext("tab-7f3a9c01", null, Channel.AJAX, null),
                new ClientContext("10.0.0.7", "ada", Channel.AJAX, null)), runtime.clients);

        InProcessRest.Reply bad = rest.post("update", JSON, call("increment", "r3"), "X-Diffyne-Client", "../../x");
        assertEquals(400, bad.status());
        assertEquals("{\"s\":false,\"error\":\"X-Diffyne-Client must be 8 to 64 characters of letters, digits, '_' or "
                + "'-'\",\"type\":\"bad_request\"}", bad.body());
        assertEquals(400, rest.post("update", JSON, call("increment", "r3"), "X-Diffyne-Client", "short").status());
        assertEquals(2, runtime.handled.size());
    }

    @Test
    void noRequestIdMeansNoneEchoed() {
        InProcessRest.Reply reply = rest.post("update", JSON,
                "{\"type\":\"update\",\"snapshot\":" + SNAPSHOT + ",\"property\":\"count\",\"value\":5}");
        assertEquals(200, reply.status());
        assertNull(runtime.handled.get(0).requestId());
        assertEquals("{\"s\":true,\"c\":{\"i\":\"q3Xv9Tz0bA1c\",\"m\":\"null\"}}", reply.body());
    }
}
