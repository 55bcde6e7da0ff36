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
        session.getAsyncRemote().sendText(wellFormed(text), done);
    }

    /**
     * A text frame must be UTF-8, and Tyrus throws (an Error, the message is lost) on a lone surrogate, which an
     * answer can carry when it echoes client input (an escaped lone surrogate in a request's string): such a code unit becomes
     * U+FFFD, as {@link String#getBytes} would make it.
     */
    static String wellFormed(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
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
