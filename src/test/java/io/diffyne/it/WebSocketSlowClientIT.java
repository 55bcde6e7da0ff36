package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.websocket.DemoPage;
import io.diffyne.transport.websocket.ServerProcess;
import io.diffyne.transport.websocket.TestSocket;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/**
 * A client that stops reading is closed once its send queue is full, while it still is not reading, and the server
 * heap is back where it was: nothing of the ~40 MB of responses it asked for stays behind.
 */
class WebSocketSlowClientIT extends AbstractDiffyneIT {

    private static final Logger LOG = Logger.getLogger(WebSocketSlowClientIT.class.getName());
    private static final int REQUESTS = 110;            // within the rate limit's burst (600/min: 120)
    /**
     * Each response echoes the value in its state delta and in the rendered input: about 480 KB, so the 4 MiB send
     * queue fills after a dozen; the state stays under DIFFYNE_MAX_STATE_SIZE (256 KiB), or the answers would be
     * small {@code state_too_large} refusals.
     */
    private static final int VALUE_CHARS = 240_000;

    @Test
    void aClientThatDoesNotReadIsClosedAndTheHeapStaysFlat() throws Exception {
        Optional<ServerProcess> server = ServerProcess.find();
        long before = server.isPresent() ? server.get().heapUsedAfterGcKiB() : -1;
        String snapshot = DemoPage.get(loopbackBase(), "chat?room=it-slow").snapshot("chat-room");

        TestSocket slow = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()), false);
        // one requestId throughout: the runtime answers repeats from its idempotency cache, so the server holds one
        // response there and the heap figure measures only what the transport buffers for the client
        String update = "{\"event\":\"diffyne.update\",\"data\":{\"type\":\"update\",\"requestId\":\"slow-1\","
                + "\"snapshot\":" + snapshot + ",\"property\":\"newMessage\",\"value\":\"" + "x".repeat(VALUE_CHARS) + "\"}}";
        int sent = 0;
        // stops early once the server has closed the connection (a send then fails)
        while (sent < REQUESTS && slow.trySend(update, Duration.ofSeconds(10))) {
            sent++;
        }
        assertEquals(0, TestSocket.awaitOpenConnections(loopbackBase(), 0, Duration.ofSeconds(30)),
                "the server dropped the connection while the client still was not reading");
        LOG.info("slow client closed after " + sent + " updates asking for about " + (long) sent * VALUE_CHARS / 1_000_000
                + " MB of responses");
        slow.startReading();
        TestSocket.Closed closed = slow.awaitClose(Duration.ofSeconds(30));
        LOG.info("the slow client saw " + closed);
        assertTrue(closed.code() == 1013 || closed.code() == 1006, closed.toString());
        slow.close();

        if (server.isPresent()) {
            long after = server.get().heapUsedAfterGcKiB();
            LOG.info("server heap after GC: before " + before / 1024 + " MiB, after " + after / 1024 + " MiB");
            assertTrue(after - before < 32 * 1024, "heap grew by " + (after - before) / 1024 + " MiB");
        }
    }
}
