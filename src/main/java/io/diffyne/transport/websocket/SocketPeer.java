package io.diffyne.transport.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;

import java.nio.ByteBuffer;

/** The far end of one connection, as the session state sees it: the container's session in production. */
interface SocketPeer {

    /** Starts an asynchronous send; {@code done} is called once it completed or failed. */
    void sendText(String text, SendHandler done);

    /**
     * Sends a WebSocket ping ({@code data} at most 125 bytes); never throws. False when it could not be sent (the
     * connection is closing or broken).
     */
    boolean ping(ByteBuffer data);

    /** Closes with a close code; never throws. */
    void close(CloseReason reason);

    boolean isOpen();
}
