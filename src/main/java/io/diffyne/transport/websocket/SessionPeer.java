package io.diffyne.transport.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.logging.Level;

/** A {@link SocketPeer} over the container's WebSocket session. */
final class SessionPeer implements SocketPeer {

    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private final Session session;

    SessionPeer(Session session) {
        this.session = session;
    }

    /**
     * Sends under the platform class loader as the thread's context class loader. Tyrus (Payara) re-arms its idle
     * timer on every send by scheduling a task on the container's managed executor, which captures the thread's
     * context through a {@code ServiceLoader} lookup in the context class loader: under the application's, a scan of
     * every jar of the application on every message, 80 % of the server's samples in the send path of a broadcast to
     * 1,000 connections (JFR, issue 17). Under the platform class loader that lookup has nothing to scan; the task is
     * Tyrus's own (its idle timer, which Diffyne turns off: {@link IdleSweep}) and loads nothing of the application.
     * Other containers do not look at the context class loader here.
     */
    @Override
    public void sendText(String text, SendHandler done) {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(PLATFORM);
        try {
            session.getAsyncRemote().sendText(text, done);
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    /** Once per silent connection and idle timeout: not worth {@link #sendText}'s class loader switch. */
    @Override
    public boolean ping(ByteBuffer data) {
        try {
            session.getAsyncRemote().sendPing(data);
            return true;
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            WebSocketLog.LOG.log(Level.FINE, "Pinging a WebSocket session failed", e);
            return false;
        }
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
