package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.websocket.RawWebSocket;
import io.diffyne.transport.websocket.TestSocket;

import java.time.Duration;
import java.util.Arrays;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/**
 * Envelope handling on a real server: ping/pong, malformed and unknown messages answered with {@code diffyne.error}
 * on a connection that stays usable, binary and oversized messages closing it. Also measures the connect time and
 * the ping round trip.
 */
class WebSocketMessagesIT extends AbstractDiffyneIT {

    private static final Logger LOG = Logger.getLogger(WebSocketMessagesIT.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** DIFFYNE_WS_MAX_MESSAGE_SIZE's default, which the IT server keeps. */
    private static final int MAX_MESSAGE_SIZE = 1_048_576;

    private TestSocket open() {
        return TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()));
    }

    @Test
    void pingIsAnsweredWithTheClientsTime() {
        try (TestSocket socket = open()) {
            socket.send("{\"event\":\"diffyne.ping\",\"data\":{\"t\":1763769000123}}");
            assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":1763769000123}}", socket.next(WAIT));

            long[] micros = new long[100]; // within the rate limit's burst (DIFFYNE_RATE_LIMIT 600/min: 120)
            for (int i = 0; i < micros.length; i++) {
                long start = System.nanoTime();
                socket.send("{\"event\":\"diffyne.ping\",\"data\":{\"t\":" + i + "}}");
                assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":" + i + "}}", socket.next(WAIT));
                micros[i] = (System.nanoTime() - start) / 1_000;
            }
            Arrays.sort(micros);
            LOG.info("ping round trip over " + micros.length + ": p50 " + micros[micros.length / 2] + " µs, p99 "
                    + micros[micros.length * 99 / 100] + " µs");
        }
    }

    @Test
    void malformedJsonGetsAnErrorAndTheSocketStillWorks() {
        try (TestSocket socket = open()) {
            socket.send("{\"event\":\"diffyne.call\",\"data\":{");
            String error = socket.next(WAIT);
            assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"Malformed JSON at offset 32: expected a "
                    + "string as object key\",\"type\":\"bad_request\"}}", error);
            socket.send("not json at all");
            assertTrue(socket.next(WAIT).startsWith("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"Malformed JSON"));
            socket.send("{\"event\":\"diffyne.ping\",\"data\":{\"t\":7}}");
            assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":7}}", socket.next(WAIT));
        }
    }

    @Test
    void unknownEventsAndBadRequestsGetErrorsWithTheirRequestId() {
        try (TestSocket socket = open()) {
            socket.send("{\"event\":\"diffyne.teleport\",\"data\":{}}");
            assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"Unknown event 'diffyne.teleport': send "
                    + "diffyne.call, diffyne.update, diffyne.ping or diffyne.resume\",\"type\":\"bad_request\"}}",
                    socket.next(WAIT));
            socket.send("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"r1\",\"method\":\"x\"}}");
            assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"An action carries exactly one of 'snapshot' "
                    + "and 'ref'\",\"type\":\"bad_request\",\"requestId\":\"r1\"}}", socket.next(WAIT));
            socket.send("{\"event\":\"diffyne.update\",\"data\":{\"type\":\"fly\",\"requestId\":\"r2\"}}");
            assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"Unknown request type 'fly': use call, update, "
                    + "event or render\",\"type\":\"bad_request\",\"requestId\":\"r2\"}}", socket.next(WAIT));
            socket.send("{\"event\":\"diffyne.ping\",\"data\":{\"t\":8}}");
            assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":8}}", socket.next(WAIT));
        }
    }

    /** A ping envelope of exactly {@code bytes} UTF-8 bytes, padded with a 3-byte character where possible. */
    static String pingOfSize(int bytes) {
        String head = "{\"event\":\"diffyne.ping\",\"data\":{\"t\":5,\"p\":\"";
        String tail = "\"}}";
        int pad = bytes - head.length() - tail.length();
        String text = head + "\u20ac".repeat(pad / 3) + "x".repeat(pad % 3) + tail;
        TestSocket.assertUtf8Size(bytes, text);
        return text;
    }

    @Test
    void aMessageJustOverTheLimitClosesWith1009() {
        try (TestSocket socket = open()) {
            socket.sendAsync(pingOfSize(MAX_MESSAGE_SIZE + 1));
            TestSocket.Closed closed = socket.awaitClose(WAIT);
            assertEquals(1009, closed.code(), closed.toString());
        }
        try (TestSocket socket = open()) {
            socket.send(pingOfSize(MAX_MESSAGE_SIZE));
            assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":5}}", socket.next(WAIT), "the limit itself is fine");
        }
    }

    /**
     * 10 MB in fragments: the server closes after the first megabyte, while the client is still sending, and its
     * reset could beat the close frame through the JDK client's error handling (seen as 1006 one run in several): a
     * client that reads while it writes sees what the server sent.
     */
    @Test
    void aHugeMessageClosesWith1009() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()))) {
            assertEquals(1009, socket.streamTextAndAwaitClose(10L * MAX_MESSAGE_SIZE, WAIT));
        }
    }

    @Test
    void binaryMessagesAreRefusedWith1003() {
        try (TestSocket socket = open()) {
            socket.sendBinaryAsync(new byte[] {1, 2, 3});
            assertEquals(1003, socket.awaitClose(WAIT).code());
        }
    }
}
