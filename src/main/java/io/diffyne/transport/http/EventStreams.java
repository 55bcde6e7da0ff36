package io.diffyne.transport.http;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.metrics.Gauge;
import io.diffyne.metrics.Metrics;
import io.diffyne.broadcast.BroadcastBus;
import io.diffyne.broadcast.Epochs;
import io.diffyne.broadcast.Replay;
import io.diffyne.broadcast.SequencedBroadcast;
import io.diffyne.broadcast.Subscription;
import io.diffyne.config.DiffyneConfig;
import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.runtime.BroadcastPasses;
import io.diffyne.runtime.ChannelHead;
import io.diffyne.runtime.ChannelHeads;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

/**
 * Server-Sent Event streams for clients not on WebSocket: each broadcast ({@link BroadcastMessage}, observed as a CDI
 * event) is numbered per channel and queued to every stream subscribed to its channel (channels granted when the
 * stream opened, see {@link EventsResource}) as
 * <pre>event: diffyne.broadcast
 * data: {"channel":"room:general","ep":"q3Xv9a_Z","seq":42,"name":"message-sent","pass":"b1.Xq0…"}</pre>
 * The broadcast's data is not in the message: it is sealed in the {@link BroadcastPasses pass}, for the principal of
 * the stream, and the page relays the pass to its listening components, whose server-side {@code @On} listeners then
 * run with the data the server opens. One pass per principal per broadcast.
 * Bounded: at most {@link #MAX_STREAMS} streams and {@link #MAX_BACKLOG} queued events per stream (a client that
 * falls further behind is closed, and its EventSource reconnects). A comment line every {@link #HEARTBEAT_SECONDS}
 * s keeps proxies from timing the stream out and finds dead clients.
 */
@ApplicationScoped
public class EventStreams {

    public static final String EVENT_NAME = "diffyne.broadcast";
    /** First on a new stream, per channel: where its log stands, so the page sees what it missed before (§6). */
    public static final String HEAD_EVENT = "diffyne.head";
    static final int MAX_STREAMS = 2000;
    /** Per client address, so one client cannot take every stream (a browser needs one per tab). */
    static final int MAX_STREAMS_PER_CLIENT = 32;
    static final int MAX_BACKLOG = 256;
    /** Broadcasts one new stream may replay in all, half its backlog: the live ones must still fit behind them. */
    static final int MAX_REPLAY = MAX_BACKLOG / 2;
    static final int MAX_CHANNELS = 16;
    static final long HEARTBEAT_SECONDS = 15;

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    /** The epoch of {@link #sequences}, which live as long as this bean and are never evicted. */
    final String epoch = Epochs.random();
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private Executor executor;
    private ScheduledFuture<?> heartbeat;

    private Subscription subscription;
    private ChannelHeads heads;
    /** Null without a bus (unit tests): nothing to replay from. */
    private BroadcastBus bus;

    @Inject
    HttpScheduler scheduler;

    @Inject
    Instance<BroadcastBus> buses;

    @Inject
    DiffyneConfig config;

    @Inject
    Metrics metrics;

    /** Null in unit tests that build streams by hand: broadcasts then carry no pass. */
    BroadcastPasses passes;

    @PostConstruct
    void start() {
        passes = new BroadcastPasses(config.settings().signingKey(), Clock.systemUTC());
        start(scheduler.executor(), buses.isResolvable() ? buses.get() : null);
        heartbeat = scheduler.executor().scheduleAtFixedRate(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
        metrics.gauge(Gauge.SSE_STREAMS, streams::size);
    }

    /**
     * Sends run on {@code executor}. With a bus, broadcasts come from it, numbered as WebSocket pushes are and from
     * every instance of a cluster; without one, from the CDI event of this instance, numbered here.
     */
    void start(Executor executor, BroadcastBus bus) {
        this.executor = executor;
        this.bus = bus;
        // this instance's numbers without a bus (unit tests): the same as its onBroadcast gives
        this.heads = bus != null ? bus : c -> sequences.containsKey(c)
                ? new ChannelHead(epoch, sequences.get(c).get()) : ChannelHead.NONE;
        if (bus != null) {
            subscription = bus.subscribe(
                    b -> deliver(b.channel(), b.epoch(), b.seq(), b.message().name(), b.message().data()));
        }
    }

    /**
     * Opens a stream on granted {@code channels} for {@code principal} (null: anonymous) at {@code client} (its
     * address); false when the server holds {@link #MAX_STREAMS} already or the client {@link #MAX_STREAMS_PER_CLIENT}
     * (the caller answers 429).
     */
    boolean open(SseEventSink sink, Sse sse, Set<String> channels, String principal, String client) {
        return open(sink, sse, channels, Map.of(), principal, client);
    }

    /**
     * As above, first replaying what each channel in {@code since} missed after the position the page names (the
     * last broadcast it saw, or its markup's head), at most {@link #MAX_REPLAY} in all, in order, before any live one.
     */
    boolean open(SseEventSink sink, Sse sse, Set<String> channels, Map<String, ChannelHead> since, String principal,
                 String client) {
        if (streams.size() >= MAX_STREAMS) {
            return false;
        }
        boolean[] admitted = {false};
        perClient.compute(client, (k, n) -> {
            int count = n == null ? 0 : n;
            admitted[0] = count < MAX_STREAMS_PER_CLIENT;
            return admitted[0] ? count + 1 : count;
        });
        if (!admitted[0]) {
            return false;
        }
        Stream stream = new Stream(sink, sse, channels, principal, client);
        // live broadcasts wait while the replay is read, then follow it without repeating what it held
        stream.hold();
        streams.add(stream);
        // an immediate comment commits the response headers, so the client's EventSource opens now
        stream.enqueue(sse.newEventBuilder().comment("diffyne").reconnectDelay(2000).build());
        Set<String> whole = new HashSet<>();
        Map<String, ChannelHead> given = replay(stream, since, whole);
        // the live ones held meanwhile follow the replay; then each channel's head: where this stream stands on it
        // when the replay was whole (everything after the named position is in the replay or among the live ones,
        // before or after the head), else where the log stands, past what the page has (it renders afresh). A head
        // read from the log while a live broadcast numbered before it is still on its way to this stream would make
        // the page render afresh, and then drop that broadcast as seen: its message would be lost.
        Map<String, ChannelHead> released = stream.release(given);
        for (String channel : stream.channels) {
            ChannelHead at = whole.contains(channel) ? given.get(channel) : null;
            ChannelHead live = released.get(channel);
            if (at != null && live != null && Objects.equals(live.epoch(), at.epoch())
                    && live.seq() > at.seq()) {
                at = live;
            }
            stream.enqueue(sse.newEventBuilder().name(HEAD_EVENT).data(head(channel, at)).build());
        }
        return true;
    }

    /** Only when streams exist: a broadcast does not create this bean and its timer. Unused when a bus delivers. */
    void onBroadcast(@Observes(notifyObserver = Reception.IF_EXISTS) BroadcastMessage message) {
        if (subscription != null) {
            return;
        }
        long seq = sequences.computeIfAbsent(message.channel(), c -> new AtomicLong()).incrementAndGet();
        deliver(message.channel(), epoch, seq, message.name(), message.data());
    }

    /** Queues one numbered broadcast to every stream on its channel, without its data; never blocks. */
    void deliver(String channel, String epoch, long seq, String name, JsonValue data) {
        // the streams of one user (or every anonymous one) share a message: one pass sealed per principal
        Map<String, String> byPrincipal = new HashMap<>();
        for (Stream stream : streams) {
            if (stream.channels.contains(channel)) {
                String json = byPrincipal.computeIfAbsent(stream.principal == null ? "" : stream.principal,
                        principal -> message(channel, epoch, seq, name, data, principal));
                stream.offer(channel, epoch, seq, stream.sse.newEventBuilder().name(EVENT_NAME).data(json).build());
            }
        }
    }

    /**
     * Queues the bus's retained broadcasts after each named position; per channel named, where the stream stands on it
     * now (the last broadcast replayed, else the position named, in the log's epoch; none without a log). Adds to
     * {@code whole} the channels whose replay was whole: not another epoch, nothing evicted, within
     * {@link #MAX_REPLAY}.
     */
    private Map<String, ChannelHead> replay(Stream stream, Map<String, ChannelHead> since, Set<String> whole) {
        Map<String, ChannelHead> given = new HashMap<>();
        if (bus == null) {
            return given;
        }
        int budget = MAX_REPLAY;
        for (Map.Entry<String, ChannelHead> at : since.entrySet()) {
            if (!stream.channels.contains(at.getKey())) {
                continue;
            }
            Replay replay = bus.since(at.getKey(), at.getValue().epoch(), at.getValue().seq());
            // the position counts in the log's epoch only when it names it (or "from the start", seq 0)
            ChannelHead named = at.getValue();
            ChannelHead stands = replay.epoch() != null && (named.seq() == 0 || replay.epoch().equals(named.epoch()))
                    ? new ChannelHead(replay.epoch(), named.seq()) : null;
            for (SequencedBroadcast missed : replay.messages()) {
                if (budget-- <= 0) {
                    // the rest shows as a gap against the log's head: the page renders its components afresh
                    given.put(at.getKey(), stands);
                    return given;
                }
                BroadcastMessage message = missed.message();
                stream.enqueue(stream.sse.newEventBuilder().name(EVENT_NAME).data(message(missed.channel(),
                        missed.epoch(), missed.seq(), message.name(), message.data(), stream.principal)).build());
                stands = new ChannelHead(missed.epoch(), missed.seq());
            }
            if (stands != null) {
                given.put(at.getKey(), stands);
                if (replay.complete()) {
                    whole.add(at.getKey());
                }
            }
        }
        return given;
    }

    /** A {@code diffyne.head}: {@code at} when known (see {@link #replay}), else where the channel's log stands. */
    private String head(String channel, ChannelHead at) {
        ChannelHead head = at != null ? at : heads.head(channel);
        var json = JSON.createObjectBuilder().add("channel", channel);
        if (head.epoch() == null) {
            json.addNull("ep");
        } else {
            json.add("ep", head.epoch());
        }
        return json.add("seq", head.seq()).build().toString();
    }

    private String message(String channel, String epoch, long seq, String name, JsonValue data, String principal) {
        var message = JSON.createObjectBuilder()
                .add("channel", channel)
                .add("ep", epoch)
                .add("seq", seq)
                .add("name", name);
        if (passes != null) {
            message.add("pass", passes.seal(channel, name, data, principal));
        }
        return message.build().toString();
    }

    int openStreams() {
        return streams.size();
    }

    void heartbeat() {
        for (Stream stream : streams) {
            stream.enqueue(stream.sse.newEventBuilder().comment("").build());
        }
    }

    @PreDestroy
    void stop() {
        if (subscription != null) {
            subscription.close();
        }
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        for (Stream stream : streams) {
            stream.close();
        }
    }

    /** A live broadcast a stream holds while its replay is read. */
    private record Held(String channel, String epoch, long seq, OutboundSseEvent event) {
    }

    /** One client's stream and its bounded queue; sends run one at a time, in order, on the executor. */
    private final class Stream {

        final SseEventSink sink;
        final Sse sse;
        final Set<String> channels;
        final String principal;
        private final ArrayDeque<OutboundSseEvent> queue = new ArrayDeque<>();
        private boolean sending;
        private boolean dropped;

        final String client;

        Stream(SseEventSink sink, Sse sse, Set<String> channels, String principal, String client) {
            this.sink = sink;
            this.sse = sse;
            this.channels = Set.copyOf(channels);
            this.principal = principal;
            this.client = client;
        }

        /** Live broadcasts offered while the stream's replay is read, in order; null when not holding. */
        private List<Held> held;

        synchronized void hold() {
            held = new ArrayList<>();
        }

        /** A live broadcast: queued, or kept until {@link #release} while the replay is read. */
        void offer(String channel, String epoch, long seq, OutboundSseEvent event) {
            synchronized (this) {
                if (held != null) {
                    if (held.size() < MAX_BACKLOG) {
                        held.add(new Held(channel, epoch, seq, event));
                    } else {
                        // as far behind as a client that does not read: the same end
                        held = null;
                        dropped = true;
                        queue.clear();
                        closeLater();
                    }
                    return;
                }
            }
            enqueue(event);
        }

        /**
         * Queues what was held, but the broadcasts the stream has already ({@code given}: where it stands per
         * channel); the last one queued per channel.
         */
        Map<String, ChannelHead> release(Map<String, ChannelHead> given) {
            Map<String, ChannelHead> last = new HashMap<>();
            synchronized (this) {
                List<Held> waiting = held;
                held = null;
                if (waiting == null) {
                    return last;
                }
                for (Held live : waiting) {
                    ChannelHead at = given.get(live.channel());
                    if (at == null || !live.epoch().equals(at.epoch()) || live.seq() > at.seq()) {
                        enqueueHeld(live.event());
                        last.put(live.channel(), new ChannelHead(live.epoch(), live.seq()));
                    }
                }
            }
            return last;
        }

        /** {@link #enqueue} from inside this stream's lock (release keeps the held order against new offers). */
        private void enqueueHeld(OutboundSseEvent event) {
            if (dropped) {
                return;
            }
            if (queue.size() >= MAX_BACKLOG) {
                dropped = true;
                queue.clear();
                closeLater();
                return;
            }
            queue.add(event);
            if (!sending) {
                sending = true;
                executor.execute(this::drain);
            }
        }

        void enqueue(OutboundSseEvent event) {
            if (sink.isClosed()) {
                close();
                return;
            }
            synchronized (this) {
                if (dropped) {
                    return;
                }
                if (queue.size() >= MAX_BACKLOG) {
                    dropped = true;
                    FailureMapper.LOG.fine("Closing an event stream that fell " + MAX_BACKLOG + " events behind");
                    queue.clear();
                    closeLater();
                    return;
                }
                queue.add(event);
                if (sending) {
                    return;
                }
                sending = true;
            }
            executor.execute(this::drain);
        }

        private void drain() {
            while (true) {
                OutboundSseEvent next;
                synchronized (this) {
                    next = queue.poll();
                    if (next == null) {
                        sending = false;
                        return;
                    }
                }
                try {
                    sink.send(next).toCompletableFuture().join();
                } catch (RuntimeException e) {
                    // the client went away: normal for a stream
                    FailureMapper.LOG.log(Level.FINE, "Event stream closed while sending", e);
                    close();
                    return;
                }
            }
        }

        private void closeLater() {
            executor.execute(this::close);
        }

        void close() {
            if (streams.remove(this)) {
                perClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
            }
            synchronized (this) {
                queue.clear();
            }
            try {
                sink.close();
            } catch (RuntimeException e) {
                FailureMapper.LOG.log(Level.FINE, "Closing an event stream failed", e);
            }
        }
    }
}
