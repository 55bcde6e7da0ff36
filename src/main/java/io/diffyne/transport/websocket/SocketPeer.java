package io.diffyne.transport.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;

/** The far end of one connection, as the session state sees it: the container's session in production. */
interface SocketPeer {

    /** Starts an asynchronous send; {@code done} is called once it completed or failed. */
    void sendText(String text, SendHandler done);

    /** Closes with a close code; never throws. */
    void close(CloseReason reason);

    boolean isOpen();
}
