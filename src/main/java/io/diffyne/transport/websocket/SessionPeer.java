package io.diffyne.transport.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.logging.Level;

/** A {@link SocketPeer} over the container's WebSocket session. */
final class SessionPeer implements SocketPeer {

    private final Session session;

    SessionPeer(Session session) {
        this.session = session;
    }

    @Override
    public void sendText(String text, SendHandler done) {
        session.getAsyncRemote().sendText(text, done);
    }

    @Override
    public void close(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | IllegalStateException e) {
            // the client is already gone; nothing to tell it
            WebSocketLog.LOG.log(Level.FINE, "Closing a WebSocket session failed", e);
        }
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }
}
