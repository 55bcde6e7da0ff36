package io.diffyne.transport.websocket;

import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;

/**
 * The WebSocket endpoint at {@code DIFFYNE_WS_PATH}: one instance per connection, created through CDI by
 * {@link EndpointConfigurator}, handing everything to {@link SocketSessions}. Programmatic rather than
 * {@code @ServerEndpoint} because an annotation's path is a constant and the path follows the setting.
 */
public class DiffyneEndpoint extends Endpoint {

    @Inject
    SocketSessions sessions;

    private Unmanaged.UnmanagedInstance<?> cdiInstance;

    void releaseWith(Unmanaged.UnmanagedInstance<?> instance) {
        this.cdiInstance = instance;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        if (sessions.open(session)) {
            session.addMessageHandler(String.class, text -> sessions.message(session, text));
            // without a handler some containers drop binary frames silently; the protocol is text only
            session.addMessageHandler(ByteBuffer.class, data -> sessions.binary(session));
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        try {
            sessions.closed(session, reason);
        } finally {
            if (cdiInstance != null) {
                cdiInstance.preDestroy().dispose();
                cdiInstance = null;
            }
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        sessions.failed(session, error);
    }
}
