package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.websocket.TestSocket;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many connections closed by the idle sweep at once, on a Payara Micro of its own with
 * {@code DIFFYNE_WS_IDLE_TIMEOUT=30}: every silent client still there (it answers pings, as the JDK's WebSocket and
 * browsers do) is closed with 1000 on the container's thread that read its pong, and the server log stays free of
 * SEVERE lines (a client that never answers is closed by the next sweep: {@code SocketSessionsTest}; the JDK's
 * WebSocket answers a ping even with no demand outstanding, so it cannot play one here). Closed from the sweep's thread, Payara
 * logged {@code AS-WEB-CORE-00037} (an NPE in {@code Method.CUSTOM}, Payara issue 5432) for 9 of 300 such
 * connections: this test draws that race about 300 times.
 */
@Timeout(300)
class IdleCloseIT {

    private static final int SILENT = 300;
    private static final int IDLE_SECONDS = 30;
    private static final String PONG_CLOSE = "but the pong to an idle probe (DIFFYNE_WS_IDLE_TIMEOUT)";

    @Test
    void hundredsOfSilentConnectionsAreClosedOnTheirPongsWithoutASevereLine() throws Exception {
        try (PayaraMicroProcess payara = PayaraMicroProcess.start("idle-close", List.of("-Xmx512m",
                "-DDIFFYNE_RATE_LIMIT=0", "-DDIFFYNE_WS_HANDSHAKE_RATE=0",
                "-DDIFFYNE_WS_CONNECTIONS_PER_CLIENT=" + SILENT,
                "-DDIFFYNE_WS_IDLE_TIMEOUT=" + IDLE_SECONDS))) {
            URI base = URI.create("http://127.0.0.1:" + payara.port() + "/diffyne/");
            payara.awaitHealthy(base, Duration.ofSeconds(200));
            String token = TestSocket.pageToken(base);
            List<TestSocket> silent = new ArrayList<>();
            try {
                long opened = System.nanoTime();
                for (int i = 0; i < SILENT; i++) {
                    silent.add(TestSocket.connectAsPage(base, token));
                }
                // the timeout, one sweep period (3 s) to find them, a margin for a loaded machine
                assertEquals(0, TestSocket.awaitOpenConnections(base, 0, Duration.ofSeconds(IDLE_SECONDS + 60)));
                long elapsed = Duration.ofNanos(System.nanoTime() - opened).toSeconds();
                assertTrue(elapsed >= IDLE_SECONDS - 1, "closed after " + elapsed + " s, before the idle timeout");
                for (TestSocket socket : silent) {
                    TestSocket.Closed closed = socket.awaitClose(Duration.ofSeconds(10));
                    assertEquals(1000, closed.code(), closed.toString());
                    assertTrue(closed.reason().contains("DIFFYNE_WS_IDLE_TIMEOUT"), closed.toString());
                }
                // Payara writes its log from a queue: a client can hold its close before the line about it is out
                String log = payara.awaitOutput(out -> count(out, PONG_CLOSE) >= SILENT, Duration.ofSeconds(20));
                assertEquals(SILENT, count(log, PONG_CLOSE),
                        "every silent client that reads was closed on its pong");
                assertEquals(0, count(log, "not even a pong"), "none was closed from the sweep's thread");
                assertFalse(log.contains("SEVERE"), "a SEVERE line in the server log");
                assertFalse(log.contains("GRIZZLY0013"), "Grizzly's warning after the teardown race");
            } finally {
                silent.forEach(TestSocket::abort);
            }
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
