package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.diffyne.transport.websocket.TestSocket;

import java.time.Duration;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connections come and go without leaving anything behind: the open-connection count returns to zero. */
class WebSocketLifecycleIT extends AbstractDiffyneIT {

    private static final Logger LOG = Logger.getLogger(WebSocketLifecycleIT.class.getName());
    private static final int CYCLES = 1_000;

    private int awaitOpenConnections(int expected) {
        return TestSocket.awaitOpenConnections(loopbackBase(), expected, Duration.ofSeconds(10));
    }

    @Test
    @Timeout(300)
    void aThousandConnectDisconnectCyclesLeaveNoSessionBehind() {
        String token = TestSocket.pageToken(loopbackBase());
        assertEquals(0, awaitOpenConnections(0));
        long start = System.nanoTime();
        long budget = Duration.ofMinutes(4).toNanos();
        int done = 0;
        for (; done < CYCLES && System.nanoTime() - start < budget; done++) {
            TestSocket.connectAsPage(loopbackBase(), token).close();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(done + " connect/disconnect cycles in " + millis + " ms");
        assertEquals(CYCLES, done, "cycles finished within the time budget");
        assertEquals(0, awaitOpenConnections(0));
    }

    @Test
    void openConnectionsCountsLiveSockets() {
        String token = TestSocket.pageToken(loopbackBase());
        assertEquals(0, awaitOpenConnections(0));
        try (TestSocket a = TestSocket.connectAsPage(loopbackBase(), token);
             TestSocket b = TestSocket.connectAsPage(loopbackBase(), token)) {
            assertEquals(2, awaitOpenConnections(2));
        }
        assertEquals(0, awaitOpenConnections(0));
    }
}
