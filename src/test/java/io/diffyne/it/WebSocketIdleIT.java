package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.websocket.TestSocket;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Idle connections are still closed now that the container's per-session idle timer is off: with
 * {@code DIFFYNE_WS_IDLE_TIMEOUT=30}, a silent connection is closed with 1000 after 30 s (within one sweep period),
 * while one that pings stays open. Its own Payara Micro, because the setting is read at deployment.
 */
@Timeout(180)
class WebSocketIdleIT {

    private static final int IDLE_SECONDS = 30;
    /** One sweep period (a tenth of the timeout) plus a margin for a loaded machine. */
    private static final Duration LATEST_CLOSE = Duration.ofSeconds(IDLE_SECONDS + 3 + 12);
    private static final Duration PING_EVERY = Duration.ofSeconds(5);

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeoutAndAPingingOneIsNot() throws Exception {
        try (PayaraMicroProcess payara = PayaraMicroProcess.start("websocket-idle",
                List.of("-DDIFFYNE_WS_IDLE_TIMEOUT=" + IDLE_SECONDS))) {
            URI base = URI.create("http://127.0.0.1:" + payara.port() + "/diffyne/");
            payara.awaitHealthy(base, Duration.ofSeconds(150));
            String token = TestSocket.pageToken(base);
            try (TestSocket silent = TestSocket.connectAsPage(base, token);
                 TestSocket pinging = TestSocket.connectAsPage(base, token)) {
                long opened = System.nanoTime();
                long deadline = opened + LATEST_CLOSE.toNanos();
                long nextPing = opened;
                for (int n = 0; !silent.isClosed() && System.nanoTime() < deadline; n++) {
                    if (System.nanoTime() >= nextPing) {
                        pinging.send("{\"event\":\"diffyne.ping\",\"data\":{\"t\":" + n + "}}");
                        assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":" + n + "}}",
                                pinging.next(Duration.ofSeconds(10)));
                        nextPing += PING_EVERY.toNanos();
                    }
                    silent.poll(Duration.ofMillis(200)); // returns at once if the server says anything
                }
                long elapsed = Duration.ofNanos(System.nanoTime() - opened).toSeconds();
                assertTrue(silent.isClosed(), "the silent connection is still open after " + elapsed + " s");
                TestSocket.Closed closed = silent.awaitClose(Duration.ZERO);
                assertEquals(1000, closed.code(), closed.toString());
                assertTrue(closed.reason().contains("DIFFYNE_WS_IDLE_TIMEOUT"), closed.toString());
                assertTrue(elapsed >= IDLE_SECONDS - 1, "closed after " + elapsed + " s, before the idle timeout");
                assertFalse(pinging.isClosed(), "a connection that pings is not idle");
            }
            assertEquals(0, TestSocket.awaitOpenConnections(base, 0, Duration.ofSeconds(10)));
        }
    }
}
