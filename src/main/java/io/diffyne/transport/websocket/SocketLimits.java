package io.diffyne.transport.websocket;

import java.time.Duration;

/**
 * Per-connection bounds. Defaults: 64 live components, 256 queued messages or 4 MiB of them, 1,024 pending
 * broadcast deliveries, 5 minutes idle (a client ping every 25 s keeps a connection open), 100 rate-limited
 * messages in a row before the connection is closed.
 *
 * @param liveComponents     live component instances kept per connection (least recently used evicted)
 * @param sendQueueMessages  outgoing messages waiting before a slow client is closed
 * @param sendQueueBytes     heap bytes of outgoing messages waiting before a slow client is closed
 * @param pendingDeliveries  broadcast deliveries waiting for the connection's turn
 * @param idleTimeout        silence after which the connection is closed ({@code DIFFYNE_WS_IDLE_TIMEOUT})
 * @param rateLimitedInARow  refused messages in a row after which the connection is closed
 */
record SocketLimits(int liveComponents, int sendQueueMessages, long sendQueueBytes, int pendingDeliveries,
                    Duration idleTimeout, int rateLimitedInARow) {

    static final SocketLimits DEFAULT = new SocketLimits(64, 256, 4L * 1024 * 1024, 1024, Duration.ofMinutes(5), 100);

    SocketLimits withIdleTimeout(Duration idle) {
        return new SocketLimits(liveComponents, sendQueueMessages, sendQueueBytes, pendingDeliveries, idle,
                rateLimitedInARow);
    }
}
