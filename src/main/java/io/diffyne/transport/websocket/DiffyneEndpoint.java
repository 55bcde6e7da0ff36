package io.diffyne.transport.websocket;

import io.diffyne.trace.Stages;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;

/**
 * The WebSocket endpoint at {@code DIFFYNE_WS_PATH}, handing everything to {@link SocketSessions}. It holds no
 * per-connection state, so {@link EndpointConfigurator} gives every connection the same instance: nothing is built
 * per handshake. Programmatic rather than {@code @ServerEndpoint} because an annotation's path is a constant and the
 * path follows the setting.
 */
public class DiffyneEndpoint extends Endpoint {

    private final SocketSessions sessions;

    /** For a container that builds the endpoint itself instead of asking the configurator. */
    public DiffyneEndpoint() {
        this(CDI.current().select(SocketSessions.class).get());
    }

    DiffyneEndpoint(SocketSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        boolean opened = sessions.open(session);
        // the configurator's hand-over, copied into the session: Tyrus keeps this per-handshake map (with the verdict
        // and slot in it) for the connection's life, about 130 B of every open page
        SocketSessions.forgetHandover(config.getUserProperties());
        if (opened) {
            // partial, joined by TextAssembler: see there why not the container's whole-message buffer
            TextAssembler assembler = new TextAssembler(sessions.maxMessageSize());
            session.addMessageHandler(String.class, (MessageHandler.Partial<String>) (part, last) -> {
                boolean timed = last && Stages.begin("websocket");
                try {
                    String text = assembler.add(part, last);
                    if (assembler.overflowed()) {
                        sessions.tooBig(session);
                    } else if (text != null) {
                        Stages.mark("ws.assemble");
                        sessions.message(session, text);
                    }
                } finally {
                    if (timed) {
                        Stages.end("ws.return");
                    }
                }
            });
            // without a handler some containers drop binary frames silently; the protocol is text only
            session.addMessageHandler(ByteBuffer.class, data -> sessions.binary(session));
            // the answer to the idle sweep's ping: the connection is closed on this, the container's, thread
            session.addMessageHandler(PongMessage.class, pong -> sessions.ponged(session));
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        sessions.closed(session, reason);
    }

    @Override
    public void onError(Session session, Throwable error) {
        sessions.failed(session, error);
    }
}
