package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.diffyne.transport.websocket.TestSocket;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Connections come and go without leaving anything behind: the open-connection count returns to zero (many of them:
 * {@link WebSocketConnectStormIT}).
 */
class WebSocketLifecycleIT extends AbstractDiffyneIT {

    private int awaitOpenConnections(int expected) {
        return TestSocket.awaitOpenConnections(loopbackBase(), expected, Duration.ofSeconds(10));
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
