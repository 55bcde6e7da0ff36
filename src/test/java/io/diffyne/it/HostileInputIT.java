package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.config.DiffyneSettings;
import io.diffyne.transport.websocket.DemoPage;
import io.diffyne.transport.websocket.ServerProcess;
import io.diffyne.transport.websocket.TestSocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile JSON and floods against the real WAR, on both transports: a 1,500-digit number, 10,000-deep nesting,
 * duplicate keys and a 2 MB string are refused as what they are ({@code bad_request}, 413), never a
 * {@code server_error}; every refusal of a request names its {@code requestId}, {@code rate_limited} included; the
 * socket stays usable. On a Payara Micro started here with the default settings (DIFFYNE_RATE_LIMIT 600 a minute,
 * bursts of 120) rather than the shared one, because the server's log must be read: nothing here may log
 * SEVERE. AJAX requests speak for their own client address through {@code X-Forwarded-For}, honoured from loopback.
 * The 2 MB body goes over HTTP/1.1 with {@code Expect: 100-continue}: the JDK client's default, an h2c upgrade, put it
 * on an HTTP/2 stream that the server refuses (413) without reading, and the client then waits, flow-controlled, for
 * its timeout (with 100-continue on that stream: RST_STREAM).
 */
@Timeout(240)
class HostileInputIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String DIGITS = "1".repeat(1500);
    private static final String DEEP = "[".repeat(10_000) + "]".repeat(10_000);
    private static PayaraMicroProcess payara;
    private static URI base;
    private static int logFrom;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        payara = PayaraMicroProcess.start("hostile-input", List.of());
        base = URI.create("http://127.0.0.1:" + payara.port() + "/diffyne/");
        payara.awaitHealthy(base, Duration.ofSeconds(200));
        logFrom = payara.output().length();
    }

    @AfterAll
    static void stop() throws Exception {
        if (payara != null) {
            payara.close();
        }
    }

    @AfterEach
    void nothingWasLoggedAsSevere() {
        String since = payara.output().substring(logFrom);
        assertFalse(since.contains("SEVERE"), "a SEVERE line in the server log:\n" + since);
    }

    private static String wsError(String message, String requestId) {
        return "{\"event\":\"diffyne.error\",\"data\":{\"error\":\"" + message + "\",\"type\":\""
                + (message.startsWith("Too many") ? "rate_limited" : "bad_request") + "\""
                + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"") + "}}";
    }

    private HttpRequest post(String client, String body) {
        return HttpRequest.newBuilder(base.resolve("_diffyne/update")).timeout(WAIT)
                .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(String client, String body) throws Exception {
        return http.send(post(client, body), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertPingAnswers(TestSocket socket, int t) {
        socket.send("{\"event\":\"diffyne.ping\",\"data\":{\"t\":" + t + "}}");
        assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":" + t + "}}", socket.next(WAIT));
    }

    @Test
    void hostileWebSocketMessagesAreBadRequestsOnASocketThatStaysUsable() {
        try (TestSocket socket = TestSocket.connectAsPage(base, TestSocket.pageToken(base))) {
            socket.send("{\"event\":\"diffyne.ping\",\"data\":{\"t\":" + DIGITS + "}}");
            assertEquals(wsError("Malformed JSON at offset 36: number longer than 1100 characters", null),
                    socket.next(WAIT));
            assertPingAnswers(socket, 1);

            socket.send(DEEP);
            assertEquals(wsError("Malformed JSON at offset 64: nesting deeper than 64", null), socket.next(WAIT));
            assertPingAnswers(socket, 2);

            socket.send("{\"event\":\"diffyne.ping\",\"data\":{\"t\":1,\"t\":2}}");
            assertEquals(wsError("Malformed JSON at offset 38: duplicate object key", null), socket.next(WAIT));
            assertPingAnswers(socket, 3);

            socket.send("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"r1\",\"method\":\"x\"}}");
            assertEquals(wsError("An action carries exactly one of 'snapshot' and 'ref'", "r1"), socket.next(WAIT));
            assertPingAnswers(socket, 4);
            assertFalse(socket.isClosed());
        }
    }

    /**
     * Found by the 100,000-message fuzz run: a value with unpaired surrogates (valid JSON escapes in a valid UTF-8
     * frame) came back raw in the state delta, the container could not encode the answer as UTF-8, and the client
     * waited for an answer that never came. Now the answer carries the same escapes, on both transports.
     */
    @Test
    void unpairedSurrogatesSetByAClientAreAnsweredEscapedOnBothTransports() throws Exception {
        String value = "\\ud800x\\udfff";
        String update = "{\"type\":\"update\",\"requestId\":\"sur-1\",\"snapshot\":"
                + DemoPage.get(base, "").snapshot("contact-form") + ",\"property\":\"email\",\"value\":\"" + value + "\"}";
        try (TestSocket socket = TestSocket.connectAsPage(base, TestSocket.pageToken(base))) {
            socket.send("{\"event\":\"diffyne.update\",\"data\":" + update + "}");
            String answer = socket.nextEvent("diffyne.response", WAIT);
            assertTrue(answer.contains("[\"p\",\"/email\",\"" + value + "\"]"), answer);
            assertPingAnswers(socket, 5);
        }
        // a fresh page: the socket's answer made that snapshot stale
        HttpResponse<String> ajax = send("203.0.113.51", "{\"type\":\"update\",\"requestId\":\"sur-2\",\"snapshot\":"
                + DemoPage.get(base, "").snapshot("contact-form") + ",\"property\":\"email\",\"value\":\"" + value + "\"}");
        assertEquals(200, ajax.statusCode(), ajax.body());
        assertTrue(ajax.body().contains("[\"p\",\"/email\",\"" + value + "\"]"), ajax.body());
    }

    /** An oversized message is the client's fault: closed with 1009 and one INFO line, no stack trace. */
    @Test
    void anOversizedMessageIsOneInfoLineInTheLog() throws Exception {
        int from = payara.output().length();
        try (TestSocket socket = TestSocket.connectAsPage(base, TestSocket.pageToken(base))) {
            socket.sendAsync("{\"event\":\"diffyne.ping\",\"data\":{\"t\":\"" + "x".repeat(1_100_000) + "\"}}");
            assertEquals(1009, socket.awaitClose(WAIT).code());
        }
        String log = payara.awaitOutput(out -> out.indexOf("closed (1009)", from) >= 0, WAIT).substring(from);
        assertTrue(log.contains("sent a message larger than DIFFYNE_WS_MAX_MESSAGE_SIZE allows; closed (1009)"), log);
        assertFalse(log.contains("MessageTooBigException\n\tat ") || log.contains("\tat org.glassfish.tyrus"), log);
    }

    /**
     * Found by the 100,000-message fuzz run: each fragmented text message over the limit left its closed session and
     * its partly filled buffer (about 2 MiB) on the heap for good, through the container's error path. Now Diffyne
     * joins the fragments itself and refuses with an ordinary 1009 close: forty such messages leave the heap as it was.
     */
    @Test
    void fragmentedMessagesOverTheLimitAreClosedWith1009AndLeaveNothingBehind() throws Exception {
        ServerProcess server = ServerProcess.of(payara.pid());
        String part = "x".repeat(64 * 1024);
        sendOversizedInParts(part); // once first: what the first one loads and caches is not the point
        long before = server.heapUsedAfterGcKiB();
        for (int i = 0; i < 40; i++) {
            sendOversizedInParts(part);
        }
        long after = server.heapUsedAfterGcKiB();
        assertTrue(after - before < 16 * 1024, "heap grew by " + (after - before) / 1024 + " MiB after 40 oversized"
                + " fragmented messages (before the fix: 86 MiB for forty)");
        try (TestSocket socket = TestSocket.connectAsPage(base, TestSocket.pageToken(base))) {
            assertPingAnswers(socket, 6);
        }
    }

    /**
     * A ping just over {@code DIFFYNE_WS_MAX_MESSAGE_SIZE} in fragments of 64 KiB, on a socket of its own; the server
     * closes it with 1009. The last fragment is the one that crosses the limit, and nothing is sent after it: a
     * fragment still on its way when the server closes the TCP connection (the container does so right after its
     * close frame) makes the server's kernel answer with a reset, and a client that had not yet read the close frame
     * saw 1006 instead of 1009 (it did once in a CI run, with 20 fragments sent for a limit crossed at the 16th).
     */
    private static void sendOversizedInParts(String part) {
        String head = "{\"event\":\"diffyne.ping\",\"data\":{\"t\":\"";
        int parts = (DiffyneSettings.DEFAULT_MAX_MESSAGE_SIZE - head.length()) / part.length() + 1;
        try (TestSocket socket = TestSocket.connectAsPage(base, TestSocket.pageToken(base))) {
            socket.trySend(head, false, WAIT);
            for (int i = 0; i < parts && socket.trySend(part, false, WAIT); i++) {
                // until the limit is crossed (or the server closes the connection)
            }
            assertEquals(1009, socket.awaitClose(WAIT).code());
        }
    }

    private void assertBadRequest(String body, String error, String requestId) throws Exception {
        HttpResponse<String> response = send("203.0.113.50", body);
        assertEquals(400, response.statusCode());
        assertEquals("{\"s\":false,\"error\":\"" + error + "\",\"type\":\"bad_request\""
                + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"") + "}", response.body());
    }

    @Test
    void hostileAjaxBodiesAre400AndAnOversizedOne413() throws Exception {
        assertBadRequest("{\"type\":\"call\",\"requestId\":\"r1\",\"params\":[" + DIGITS + "]}",
                "Malformed JSON at offset 42: number longer than 1100 characters", null);
        assertBadRequest(DEEP, "Malformed JSON at offset 64: nesting deeper than 64", null);
        assertBadRequest("{\"type\":\"call\",\"type\":\"update\"}", "Malformed JSON at offset 15: duplicate object key",
                null);

        String twoMegabytes = "{\"type\":\"update\",\"requestId\":\"r2\",\"property\":\"name\",\"value\":\""
                + "x".repeat(2 * 1_048_576) + "\"}";
        // over HTTP/1.1 with Expect: 100-continue, as a browser sends a large body (see the class comment)
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> large = http11.send(HttpRequest.newBuilder(post("203.0.113.50", twoMegabytes),
                (k, v) -> true).expectContinue(true).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, large.statusCode());
        assertEquals("{\"s\":false,\"error\":\"The body is over the 1048576-byte limit (DIFFYNE_WS_MAX_MESSAGE_SIZE); "
                + "send fewer actions per batch\",\"type\":\"payload_too_large\"}", large.body());

        assertBadRequest("{\"type\":\"call\",\"requestId\":\"r3\",\"method\":\"x\"}",
                "An action carries exactly one of 'snapshot' and 'ref'", "r3");
    }

    @Test
    void aRateLimitedWebSocketRequestNamesItsRequestIdAndPingsAnswerAgainAfterwards() {
        try (TestSocket socket = TestSocket.connectAsPage(base, TestSocket.pageToken(base))) {
            // 200 at once: the burst of 120 passes, most of the rest is refused (fewer than the 100 refusals in a
            // row after which the connection is closed)
            int messages = 200;
            for (int i = 0; i < messages; i++) {
                socket.send("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"rl-" + i
                        + "\",\"method\":\"x\"}}");
            }
            int limited = 0;
            for (int i = 0; i < messages; i++) {
                String answer = socket.next(WAIT);
                String refused = wsError("Too many messages: slow down (DIFFYNE_RATE_LIMIT)", "rl-" + i);
                if (answer.equals(refused)) {
                    limited++;
                } else {
                    assertEquals(wsError("An action carries exactly one of 'snapshot' and 'ref'", "rl-" + i), answer);
                }
            }
            assertTrue(limited >= 20, "rate limited " + limited + " of " + messages);

            // the allowance refills at 10 a second: a ping answers again within a deadline
            String pong = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            for (int t = 0; pong == null && System.nanoTime() < deadline; t++) {
                socket.send("{\"event\":\"diffyne.ping\",\"data\":{\"t\":" + t + "}}");
                String answer = socket.next(WAIT);
                if (answer.startsWith("{\"event\":\"diffyne.pong\"")) {
                    pong = answer;
                } else {
                    assertEquals(wsError("Too many messages: slow down (DIFFYNE_RATE_LIMIT)", null), answer);
                    socket.poll(Duration.ofMillis(150)); // nothing is expected: lets the allowance refill
                }
            }
            assertTrue(pong != null && pong.matches("\\{\"event\":\"diffyne.pong\",\"data\":\\{\"t\":\\d+}}"), pong);
            assertFalse(socket.isClosed());
        }
    }

    @Test
    void aRateLimitedAjaxRequestOrBatchNamesEveryRequestId() throws Exception {
        String client = "203.0.113.60";
        String refusal = "\\{\"s\":false,\"error\":\"Too many requests: retry in [0-9]+ s \\(DIFFYNE_RATE_LIMIT\\)\","
                + "\"type\":\"rate_limited\",\"requestId\":\"%s\"}";
        int limited = 0;
        for (int round = 0; round < 10; round++) {
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                burst.add(http.sendAsync(post(client, "{\"type\":\"call\",\"requestId\":\"a-" + (round * 20 + i)
                        + "\",\"method\":\"x\"}"), HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < burst.size(); i++) {
                HttpResponse<String> response = burst.get(i).join();
                String requestId = "a-" + (round * 20 + i);
                if (response.statusCode() == 429) {
                    limited++;
                    assertTrue(response.body().matches(String.format(refusal, requestId)), response.body());
                    assertTrue(response.headers().firstValue("Retry-After").orElse("").matches("[1-9][0-9]*"));
                } else {
                    assertEquals(400, response.statusCode(), response.body());
                    assertEquals("{\"s\":false,\"error\":\"An action carries exactly one of 'snapshot' and 'ref'\","
                            + "\"type\":\"bad_request\",\"requestId\":\"" + requestId + "\"}", response.body());
                }
            }
        }
        assertTrue(limited >= 20, "rate limited " + limited + " of 200");

        // a refused batch answers one refusal per action, each with its requestId; an admitted one (the allowance
        // refills at 10 a second) answers each action alone, so keep sending until one is refused
        String batch = "[{\"type\":\"call\",\"requestId\":\"b-1\",\"method\":\"x\"},{\"type\":\"call\"},"
                + "{\"type\":\"call\",\"requestId\":\"b-3\",\"method\":\"x\"}]";
        HttpResponse<String> refused = null;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (refused == null && System.nanoTime() < deadline) {
            HttpResponse<String> response = send(client, batch);
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(200, response.statusCode(), response.body());
                assertEquals("[{\"s\":false,\"error\":\"An action carries exactly one of 'snapshot' and 'ref'\","
                        + "\"type\":\"bad_request\",\"requestId\":\"b-1\"},"
                        + "{\"s\":false,\"error\":\"An action carries exactly one of 'snapshot' and 'ref'\","
                        + "\"type\":\"bad_request\"},"
                        + "{\"s\":false,\"error\":\"An action carries exactly one of 'snapshot' and 'ref'\","
                        + "\"type\":\"bad_request\",\"requestId\":\"b-3\"}]", response.body());
            }
        }
        assertTrue(refused != null, "no batch was rate limited");
        String noId = refusal.replace(",\"requestId\":\"%s\"", "");
        assertTrue(refused.body().matches("\\[" + String.format(refusal, "b-1") + "," + noId + ","
                + String.format(refusal, "b-3") + "]"), refused.body());

        assertEquals(200, http.send(HttpRequest.newBuilder(base.resolve("health")).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }
}
