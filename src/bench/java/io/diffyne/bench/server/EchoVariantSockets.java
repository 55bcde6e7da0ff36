package io.diffyne.bench.server;

import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;

/**
 * Echoes that each make one of the container calls Diffyne's endpoint makes and the plain echo does not, so the
 * benchmark's {@code variants} phase can say what each costs on this container (issue 17: the WebSocket click's
 * distance from the raw echo). Each answers every text message with itself, as {@link EchoSocket} does.
 */
public final class EchoVariantSockets {

    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private EchoVariantSockets() {
    }

    /** As Diffyne's connections: the container's idle timer off ({@code setMaxIdleTimeout(0)}). */
    @ServerEndpoint("/bench/echo-timeout0")
    public static final class TimeoutZero {
        @OnOpen
        public void open(Session session) {
            session.setMaxIdleTimeout(0);
        }

        @OnMessage
        public void onMessage(Session session, String text) throws IOException {
            session.getBasicRemote().sendText(text);
        }
    }

    /** As Diffyne's reads: a partial text handler, the message assembled before it is answered. */
    @ServerEndpoint("/bench/echo-partial")
    public static final class Partial {
        private final StringBuilder message = new StringBuilder();

        @OnMessage
        public void onMessage(Session session, String part, boolean last) throws IOException {
            if (!last) {
                message.append(part);
                return;
            }
            String text = message.isEmpty() ? part : message.append(part).toString();
            message.setLength(0);
            session.getBasicRemote().sendText(text);
        }
    }

    /** As Diffyne's writes: the asynchronous remote with a completion handler, under the platform class loader. */
    @ServerEndpoint("/bench/echo-async")
    public static final class Async {
        @OnMessage
        public void onMessage(Session session, String text) {
            sendAsync(session, text, result -> { });
        }
    }

    /** All three at once: the container path of a Diffyne message, without Diffyne. */
    @ServerEndpoint("/bench/echo-like-diffyne")
    public static final class LikeDiffyne {
        private final StringBuilder message = new StringBuilder();

        @OnOpen
        public void open(Session session) {
            session.setMaxIdleTimeout(0);
        }

        @OnMessage
        public void onMessage(Session session, String part, boolean last) {
            if (!last) {
                message.append(part);
                return;
            }
            String text = message.isEmpty() ? part : message.append(part).toString();
            message.setLength(0);
            sendAsync(session, text, result -> { });
        }
    }

    /** Answers any message with its session's idle timeout as the container set it (ms), and the container's default. */
    @ServerEndpoint("/bench/echo-info")
    public static final class Info {
        @OnMessage
        public void onMessage(Session session, String text) throws IOException {
            session.getBasicRemote().sendText("{\"session_idle_ms\":" + session.getMaxIdleTimeout()
                    + ",\"container_default_idle_ms\":" + session.getContainer().getDefaultMaxSessionIdleTimeout()
                    + "}");
        }
    }

    private static void sendAsync(Session session, String text, SendHandler done) {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(PLATFORM);
        try {
            session.getAsyncRemote().sendText(text, done);
        } finally {
            thread.setContextClassLoader(context);
        }
    }
}
