package io.diffyne.transport.websocket;

import io.diffyne.runtime.Channel;
import io.diffyne.runtime.ClientContext;
import io.diffyne.runtime.LiveComponents;
import io.diffyne.runtime.TokenBucket;
import jakarta.websocket.CloseReason;

import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Everything one open connection holds: who it is, its live components (so requests may name a snapshot by
 * reference), its rate limit, its bounded send queue and its delivery lane. Handling a client message and delivering
 * a broadcast both take {@link #lock()}, so a response and the pushes it caused leave in that order.
 */
final class SocketConnection {

    /** 1013 Try Again Later: the server dropped a client that did not keep up; it may reconnect and resume. */
    static final CloseReason SLOW_CLIENT = new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER,
            "send queue full: the client does not read fast enough");
    /** 1008: the client kept sending after being told it was rate limited. */
    static final CloseReason RATE_ABUSE = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
            "rate limit exceeded (DIFFYNE_RATE_LIMIT)");
    /** 1009: a message over DIFFYNE_WS_MAX_MESSAGE_SIZE. */
    static final CloseReason TOO_BIG = new CloseReason(CloseReason.CloseCodes.TOO_BIG,
            "message larger than DIFFYNE_WS_MAX_MESSAGE_SIZE: send it over AJAX");

    /** 1000: nothing heard for DIFFYNE_WS_IDLE_TIMEOUT; a live page pings every 25 s, so the client is gone. */
    static final CloseReason IDLE = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE,
            "idle: no message within DIFFYNE_WS_IDLE_TIMEOUT");

    /** The idle sweep's ping ({@link #probeIdle()}), duplicated per use. */
    private static final java.nio.ByteBuffer IDLE_PROBE = java.nio.ByteBuffer.wrap(
            "diffyne.idle".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).asReadOnlyBuffer();

    /** 1003: binary data; the protocol is JSON text. */
    static final CloseReason BINARY = new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT,
            "binary messages are not part of the protocol: send JSON text");

    private final String clientId;
    private final String principal;
    private final SocketPeer peer;
    private final SocketLimits limits;
    private final LiveComponents live;
    /** Replaced once by {@link #speak} (before the first message is read), so answers follow the version. */
    private volatile ClientContext context;
    private final SendQueue queue;
    private final SerialLane lane;
    private final TokenBucket bucket;
    private final LongSupplier nanoClock;
    private final Runnable onRelease;
    private final ReentrantLock lock = new ReentrantLock();
    private int refusedInARow;
    private volatile long lastHeard;
    /** Whether the idle sweep pinged this connection and no message came since (see {@link #probeIdle()}). */
    private volatile boolean probed;
    private volatile CloseReason closing;
    private volatile boolean released;
    /** The protocol version the client asked for at the upgrade ({@code ?v=2}, {@code ?v=3}); 1 when it named none. */
    private volatile int protocol = 1;

    SocketConnection(String clientId, String principal, SocketPeer peer, SocketLimits limits, Executor executor,
                     int rateLimitPerMinute, LongSupplier nanoClock) {
        this(clientId, principal, peer, limits, executor, rateLimitPerMinute, nanoClock,
                new LiveComponents(limits.liveComponents()), () -> { });
    }

    /**
     * @param live      the connection's live components (bounded per connection and, through their store, per
     *                  instance)
     * @param onRelease run when the connection is released (gives back its {@link ConnectionQuota.Slot}); may run
     *                  more than once
     */
    SocketConnection(String clientId, String principal, SocketPeer peer, SocketLimits limits, Executor executor,
                     int rateLimitPerMinute, LongSupplier nanoClock, LiveComponents live, Runnable onRelease) {
        this(clientId, principal, java.util.Set.of(), peer, limits, executor, rateLimitPerMinute, nanoClock, live,
                onRelease);
    }

    /** @param roles the declared roles the user held at the upgrade (empty when anonymous) */
    SocketConnection(String clientId, String principal, java.util.Set<String> roles, SocketPeer peer,
                     SocketLimits limits, Executor executor, int rateLimitPerMinute, LongSupplier nanoClock,
                     LiveComponents live, Runnable onRelease) {
        this.clientId = clientId;
        this.principal = principal;
        this.peer = peer;
        this.limits = limits;
        this.live = live;
        this.onRelease = onRelease;
        this.context = new ClientContext(clientId, principal, Channel.WEBSOCKET, live, roles);
        this.queue = new SendQueue(peer, limits.sendQueueMessages(), limits.sendQueueBytes());
        this.lane = new SerialLane(executor, limits.pendingDeliveries());
        this.bucket = rateLimitPerMinute > 0 ? new TokenBucket(rateLimitPerMinute, nanoClock.getAsLong()) : null;
        this.nanoClock = nanoClock;
        this.lastHeard = nanoClock.getAsLong();
    }

    String clientId() {
        return clientId;
    }

    int protocol() {
        return protocol;
    }

    void speak(int version) {
        protocol = version;
        context = context.withProtocol(version);
    }

    String principal() {
        return principal;
    }

    ClientContext context() {
        return context;
    }

    LiveComponents live() {
        return live;
    }

    ReentrantLock lock() {
        return lock;
    }

    /** Queues a message for the client; a client that does not keep up is closed with 1013. */
    void send(String text) {
        if (!queue.offer(text) && closing == null && !queue.broken() && peer.isOpen()) {
            WebSocketLog.LOG.info(() -> "WebSocket client " + clientId + " closed: send queue full ("
                    + queue.pendingMessages() + " messages, " + queue.pendingBytes() + " bytes waiting)");
            close(SLOW_CLIENT);
        }
    }

    /** Runs background work for this connection in order; a connection too far behind is closed with 1013. */
    boolean schedule(Runnable task) {
        if (lane.submit(task)) {
            return true;
        }
        if (closing == null && peer.isOpen()) {
            WebSocketLog.LOG.info(() -> "WebSocket client " + clientId + " closed: " + limits.pendingDeliveries()
                    + " broadcast deliveries waiting");
            close(SLOW_CLIENT);
        }
        return false;
    }

    /**
     * Takes one message from the rate allowance. False when over the limit; after too many refusals in a row the
     * connection is closed with 1008.
     */
    boolean admit() {
        if (bucket == null || bucket.tryTake(nanoClock.getAsLong())) {
            refusedInARow = 0;
            return true;
        }
        if (++refusedInARow >= limits.rateLimitedInARow()) {
            WebSocketLog.LOG.info(() -> "WebSocket client " + clientId + " closed: kept sending while rate limited");
            close(RATE_ABUSE);
        }
        return false;
    }

    /**
     * Takes {@code units} of work a message asks for beyond the message itself (a resume's registrations and
     * replays) from the same allowance, all or none; false when the client cannot afford them now. Unlike
     * {@link #admit()} a refusal here never closes the connection: the message itself was within the limit.
     */
    boolean charge(int units) {
        return bucket == null || bucket.tryTake(nanoClock.getAsLong(), units);
    }

    /** A message arrived: the connection is not idle. */
    void heard() {
        lastHeard = nanoClock.getAsLong();
        probed = false;
    }

    /**
     * Run by the idle sweep on a connection that is {@link #idle()}: pings it, once, so that a client still there
     * answers with a pong and the connection is closed on the container's own thread ({@link #ponged()}). False when
     * there is nothing left to wait for: an earlier sweep's ping went unanswered (nothing arrives on a dead
     * connection) or this one could not be sent; the sweep then closes it.
     * <p>
     * Why not close at once: on Payara a close from a thread of ours tears the upgrade down while the container may
     * be reading the client's reply to the close frame on its own thread, and the reply is then parsed as an HTTP
     * request (an NPE logged as SEVERE, {@code AS-WEB-CORE-00037}: Payara issue 5432, the same for its own idle
     * timer). A close on the reading thread cannot overlap a read of that connection.
     */
    boolean probeIdle() {
        if (probed) {
            return false;
        }
        probed = true;
        return peer.ping(IDLE_PROBE.duplicate());
    }

    /**
     * A pong arrived (on the container's reading thread): closes with {@link #IDLE} if it answers the idle sweep's
     * ping and still nothing else came. True when it closed. A pong alone does not count as heard: the sweep's own
     * ping asks for it.
     */
    boolean ponged() {
        if (!probed || !idle() || !isOpen()) {
            return false;
        }
        close(IDLE);
        return true;
    }

    /** Whether nothing arrived for longer than the idle timeout. */
    boolean idle() {
        return nanoClock.getAsLong() - lastHeard > limits.idleTimeout().toNanos();
    }

    /** Whether a broadcast named {@code event} on {@code channel} concerns one of this connection's components. */
    boolean listens(String channel, String event) {
        return !live.listening(channel, event).isEmpty();
    }

    boolean isOpen() {
        return closing == null && !released && peer.isOpen();
    }

    /** Whether this connection was closed for not reading fast enough (1013). */
    boolean closedAsSlow() {
        return closing == SLOW_CLIENT;
    }

    void close(CloseReason reason) {
        if (closing != null) {
            return;
        }
        closing = reason;
        release();
        peer.close(reason);
    }

    /** Frees the queues, the live components and the connection's slot; called on close, whoever closed. */
    void release() {
        released = true;
        queue.close();
        lane.close();
        live.release();
        onRelease.run();
    }
}
