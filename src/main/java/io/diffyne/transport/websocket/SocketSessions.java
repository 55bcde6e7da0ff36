package io.diffyne.transport.websocket;

import io.diffyne.trace.Stages;

import io.diffyne.metrics.Gauge;
import io.diffyne.metrics.Metrics;
import io.diffyne.broadcast.BroadcastBus;
import io.diffyne.broadcast.SequencedBroadcast;
import io.diffyne.broadcast.Subscription;
import io.diffyne.broadcast.SystemChannels;
import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.DiffyneSettings;
import io.diffyne.runtime.ClientContext;
import io.diffyne.runtime.ConnectionStatus;
import io.diffyne.runtime.LiveComponents;
import io.diffyne.runtime.LiveStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.logging.Level;

/**
 * The open connections of this instance, and what happens to them: open, message, close, error (called by the thin
 * {@link DiffyneEndpoint}) and broadcast deliveries (subscribed to the {@link BroadcastBus}). Also the injectable
 * {@link ConnectionStatus}.
 */
@ApplicationScoped
public class SocketSessions implements ConnectionStatus {

    /** Session user property under which the configurator hands over the {@link HandshakeVerdict}. */
    static final String VERDICT = "io.diffyne.websocket.verdict";
    /** The declared roles the handshake's user held, set by {@link EndpointConfigurator}. */
    static final String ROLES = "io.diffyne.websocket.roles";
    /** Session user property under which the configurator hands over the connection's {@link ConnectionQuota.Slot}. */
    static final String SLOT = "io.diffyne.websocket.slot";
    private static final String CONNECTION = "io.diffyne.websocket.connection";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SocketConnection> connections = new ConcurrentHashMap<>();

    @Inject
    DiffyneConfig config;
    @Inject
    MessageRouter router;
    @Inject
    BroadcastBus bus;
    @Inject
    Metrics metrics = Metrics.detached();

    private DiffyneSettings settings;
    private SocketLimits limits;
    private SocketThreads threads;
    private LiveStore live;
    private IdleSweep idleSweep;
    private Subscription subscription;
    /** The connections' clock; a test replaces it. */
    LongSupplier clock = System::nanoTime;

    /**
     * Starts with the application, on the deployment thread, as {@code HttpScheduler} does: otherwise the first
     * request that needs this bean (often a health probe while the server finishes starting) looked up the container's
     * executors from a request thread, and once in a suite run a freshly started Payara Micro then answered no request
     * at all for minutes (the lookup never returned, no line logged after the deployment's).
     */
    void startWithApplication(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // delivering the event created the bean and ran start()
    }

    @PostConstruct
    void start() {
        settings = config.settings();
        limits = SocketLimits.DEFAULT.withIdleTimeout(settings.wsIdleTimeout());
        threads = SocketThreads.lookUp();
        live = new LiveStore(settings.wsLiveTotalSize());
        idleSweep = new IdleSweep(threads.timer(), limits.idleTimeout(), this::closeIdle);
        subscription = bus.subscribe(this::onBroadcast);
        metrics.gauge(Gauge.WEBSOCKET_CONNECTIONS, connections::size);
        metrics.gauge(Gauge.LIVE_COMPONENTS, () -> connections.values().stream().mapToLong(c -> c.live().size()).sum());
    }

    @PreDestroy
    void stop() {
        subscription.close();
        idleSweep.close();
        CloseReason shutdown = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server shutting down");
        connections.values().forEach(c -> c.close(shutdown));
        connections.clear();
        threads.close();
    }

    /** A handshake completed: registers the connection and greets the client. False when it was closed instead. */
    boolean open(Session session) {
        Object verdict = session.getUserProperties().remove(VERDICT);
        // the slot the filter took for this connection, owned by it from now (not counted if it came too late)
        Runnable slot = session.getUserProperties().remove(SLOT) instanceof ConnectionQuota.Slot s && s.opened()
                ? s::release : () -> { };
        SessionPeer peer = new SessionPeer(session);
        if (!(verdict instanceof HandshakeVerdict v) || !v.allowed()) {
            slot.run();
            // the filter refuses before the upgrade; this only happens if a server skipped it
            WebSocketLog.LOG.info("WebSocket session refused after the upgrade: the handshake was not authorized");
            peer.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "handshake not authorized"));
            return false;
        }
        try {
            session.setMaxTextMessageBufferSize(settings.maxMessageSize());
            session.setMaxBinaryMessageBufferSize(1024);
            if (session.getMaxIdleTimeout() != 0) {
                // idle connections are closed by IdleSweep: the container's per-message timer costs heap (see there)
                session.setMaxIdleTimeout(0);
            }
        } catch (IllegalStateException closedMeanwhile) {
            // the client went away during the upgrade (Tyrus's setters refuse a closed session): nothing registered,
            // and closed() will find no connection to release, so the slot is given back here
            slot.run();
            return false;
        }
        String clientId = newClientId();
        Set<?> heldRoles = session.getUserProperties().remove(ROLES) instanceof Set<?> r ? r : Set.of();
        SocketConnection connection = new SocketConnection(clientId, v.principal(),
                heldRoles.stream().map(String::valueOf).collect(java.util.stream.Collectors.toUnmodifiableSet()),
                peer, limits, threads.lanes(),
                settings.rateLimitPerMinute(), clock,
                new LiveComponents(limits.liveComponents(), settings.wsLiveSize(), live), slot);
        java.util.List<String> version = session.getRequestParameterMap().get("v");
        if (version != null && version.contains(String.valueOf(ClientContext.COMPACT_PATCHES))) {
            connection.speak(ClientContext.COMPACT_PATCHES);
        } else if (version != null && version.contains(String.valueOf(io.diffyne.protocol.CompactAnswers.VERSION))) {
            connection.speak(io.diffyne.protocol.CompactAnswers.VERSION);
        }
        session.getUserProperties().put(CONNECTION, connection);
        connections.put(clientId, connection);
        if (!session.isOpen()) {
            // closed while opening: closed() may have run before the put above and found nothing to remove
            connections.remove(clientId, connection);
            connection.release();
            return false;
        }
        connection.send(Envelopes.connected(clientId));
        WebSocketLog.LOG.info(() -> "WebSocket client " + clientId + " connected (" + v.credential().name()
                .toLowerCase(Locale.ROOT) + (v.principal() != null ? ", user " + v.principal() : "")
                + "); open connections: " + connections.size());
        return true;
    }

    /** Takes the configurator's hand-over keys out of {@code properties} (the handshake's, once the session has its own). */
    static void forgetHandover(Map<String, Object> properties) {
        try {
            properties.remove(VERDICT);
            properties.remove(ROLES);
            properties.remove(SLOT);
        } catch (UnsupportedOperationException readOnly) {
            // a container that hands the endpoint a read-only view keeps its own copy; nothing to free here
        }
    }

    /** One whole text message from the client. */
    void message(Session session, String text) {
        SocketConnection connection = connection(session);
        if (connection == null) {
            return;
        }
        connection.heard();
        if (text.length() > settings.maxMessageSize() || utf8Length(text) > settings.maxMessageSize()) {
            // the container checks nothing here (text arrives as parts, see TextAssembler): we check bytes
            tooBig(session);
            return;
        }
        Stages.mark("ws.session");
        router.onText(connection, text);
    }

    /** {@code DIFFYNE_WS_MAX_MESSAGE_SIZE}, in UTF-8 bytes. */
    int maxMessageSize() {
        return settings.maxMessageSize();
    }

    /** A fragmented text message went over {@code DIFFYNE_WS_MAX_MESSAGE_SIZE}: closes with 1009, once. */
    void tooBig(Session session) {
        SocketConnection connection = connection(session);
        if (connection != null && connection.isOpen()) {
            WebSocketLog.LOG.info(() -> "WebSocket client " + connection.clientId() + " sent a message larger than "
                    + DiffyneSettings.WS_MAX_MESSAGE_SIZE + " allows; closed (1009)");
            connection.close(SocketConnection.TOO_BIG);
        }
    }

    /** A binary message: not part of the protocol, closes with 1003. */
    void binary(Session session) {
        SocketConnection connection = connection(session);
        if (connection != null) {
            connection.close(SocketConnection.BINARY);
        }
    }

    /** The connection ended, whoever ended it. */
    void closed(Session session, CloseReason reason) {
        SocketConnection connection = connection(session);
        if (connection == null) {
            return;
        }
        connection.release();
        connections.remove(connection.clientId(), connection);
        if (connection.closedAsSlow()) {
            metrics.slowConsumerClosed();
        }
        int code = reason == null ? 1005 : reason.getCloseCode().getCode();
        String phrase = reason == null || reason.getReasonPhrase() == null ? "" : reason.getReasonPhrase();
        WebSocketLog.LOG.info(() -> "WebSocket client " + connection.clientId() + " disconnected: " + code
                + (phrase.isEmpty() ? "" : " (" + phrase + ")") + "; open connections: " + connections.size());
    }

    /** A transport error; the container closes the session after it. */
    void failed(Session session, Throwable error) {
        SocketConnection connection = connection(session);
        String who = connection == null ? "a WebSocket client" : "WebSocket client " + connection.clientId();
        if (error instanceof IOException) {
            WebSocketLog.LOG.log(Level.FINE, who + " went away", error);
        } else if (tooBig(error)) {
            // the client's fault, answered by the container with 1009: one line, no stack trace to flood the log with
            WebSocketLog.LOG.info(() -> who + " sent a message larger than " + DiffyneSettings.WS_MAX_MESSAGE_SIZE
                    + " allows; closed (1009): " + error.getMessage());
        } else {
            WebSocketLog.LOG.log(Level.WARNING, "Error on " + who + ": " + error, error);
        }
    }

    /**
     * Whether the container refused an oversized message (Tyrus reports it as its {@code MessageTooBigException}, also
     * for a fragmented message that overflows its buffer; other containers name theirs alike), matched by name so the
     * framework does not depend on one container's classes.
     */
    static boolean tooBig(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("TooBig")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ends every connection that sent nothing for {@code DIFFYNE_WS_IDLE_TIMEOUT}; run by {@link IdleSweep}. A silent
     * connection is pinged first and closed when its pong arrives ({@link #ponged}); one that has not answered by the
     * next sweep, one sweep period later, is gone and is closed here ({@link SocketConnection#probeIdle()} says why).
     */
    void closeIdle() {
        for (SocketConnection connection : connections.values()) {
            if (connection.isOpen() && connection.idle() && !connection.probeIdle()) {
                WebSocketLog.LOG.info(() -> "WebSocket client " + connection.clientId() + " closed: nothing heard for "
                        + limits.idleTimeout().toSeconds() + " s, not even a pong (" + DiffyneSettings.WS_IDLE_TIMEOUT
                        + ")");
                connection.close(SocketConnection.IDLE);
            }
        }
    }

    /** A pong from the client, on the container's thread: closes the connection if it answers an idle probe. */
    void ponged(Session session) {
        SocketConnection connection = connection(session);
        if (connection != null && connection.ponged()) {
            WebSocketLog.LOG.info(() -> "WebSocket client " + connection.clientId() + " closed: nothing heard for "
                    + limits.idleTimeout().toSeconds() + " s but the pong to an idle probe ("
                    + DiffyneSettings.WS_IDLE_TIMEOUT + ")");
        }
    }

    /**
     * Hands one broadcast to every listening connection's delivery lane, with one shared
     * {@link io.diffyne.runtime.BroadcastDelivery}: connections whose components hold the same state and tree get
     * one render. On the publishing thread: only enqueues.
     */
    private void onBroadcast(SequencedBroadcast broadcast) {
        if (SystemChannels.isSystem(broadcast.channel())) {
            return; // the framework's own (no connection can listen there), not a broadcast the figures count
        }
        long start = System.nanoTime();
        List<SocketConnection> receivers = new ArrayList<>();
        for (SocketConnection connection : connections.values()) {
            if (connection.isOpen() && connection.listens(broadcast.channel(), broadcast.message().name())) {
                receivers.add(connection);
            }
        }
        if (receivers.isEmpty()) {
            metrics.broadcast(System.nanoTime() - start); // counted all the same: broadcasts per second
            return;
        }
        io.diffyne.runtime.BroadcastDelivery delivery = router.delivery(broadcast);
        // the fan-out figure: from here until the last receiver's push is written (or its delivery refused)
        AtomicInteger remaining = new AtomicInteger(receivers.size());
        Runnable delivered = () -> {
            if (remaining.decrementAndGet() == 0) {
                metrics.broadcast(System.nanoTime() - start);
            }
        };
        for (SocketConnection connection : receivers) {
            boolean scheduled = connection.schedule(() -> {
                try {
                    router.deliver(connection, broadcast, delivery);
                } finally {
                    delivered.run();
                }
            });
            if (!scheduled) {
                delivered.run();
            }
        }
    }

    @Override
    public int openConnections() {
        return connections.size();
    }

    @Override
    public boolean isConnected(String clientId) {
        SocketConnection connection = clientId == null ? null : connections.get(clientId);
        return connection != null && connection.isOpen();
    }

    /** UTF-8 size without encoding: the limit is in bytes on the wire, a Java string counts UTF-16 units. */
    static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static SocketConnection connection(Session session) {
        return session.getUserProperties().get(CONNECTION) instanceof SocketConnection c ? c : null;
    }

    private static String newClientId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
