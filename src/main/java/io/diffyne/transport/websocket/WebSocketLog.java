package io.diffyne.transport.websocket;

import java.util.logging.Logger;

/**
 * The transport's one logger, {@code diffyne.websocket}, so operators can route it to its own file. Levels by cause:
 * connects, disconnects and handshake refusals INFO; a client vanishing mid-send FINE; our own failures SEVERE.
 */
final class WebSocketLog {

    static final Logger LOG = Logger.getLogger("diffyne.websocket");

    private WebSocketLog() {
    }
}
