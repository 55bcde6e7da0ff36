package io.diffyne.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The recorder: the runtime and the transports tell it what happened (one call at each place), the dashboard reads
 * {@link #snapshot()}. Recording an action is a few counter increments and one histogram bucket; no lock, no
 * allocation (beyond a component type's figures the first time it is seen). Every 10 seconds the first recorder or
 * reader past the boundary closes the interval into a {@link Sample}; a ring keeps the last 15 minutes of them.
 * Bounded: 256 component types (the rest count as {@code (other)}), error types and refusal reasons are enums, and
 * histograms have a fixed number of buckets.
 */
@ApplicationScoped
public class Metrics {

    public static final long INTERVAL_MILLIS = 10_000;
    public static final int HISTORY = 90;
    static final int MAX_COMPONENTS = 256;
    static final String OTHER = "(other)";
    private static final int ROLL_CLIENTS_EVERY = 6;

    private final LongSupplier clock;
    private final long since;
    private final LatencyHistogram actions = new LatencyHistogram();
    private final LatencyHistogram fanOut = new LatencyHistogram();
    private final Map<String, ComponentFigures> components = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<Refusal, LongAdder> refused = new EnumMap<>(Refusal.class);
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder replays = new LongAdder();
    private final LongAdder slowConsumers = new LongAdder();
    private final ClientSketch ajaxClients = new ClientSketch();
    private final Map<Gauge, LongSupplier> gauges = new ConcurrentHashMap<>();
    private final SampleRing<Sample> history = new SampleRing<>(HISTORY);
    private final Object intervalLock = new Object();
    private volatile long nextClose;
    private volatile Sample latest;
    // the interval's starting totals, written under intervalLock
    private final long[] actionsBefore = new long[LatencyHistogram.BUCKETS];
    private final long[] fanOutBefore = new long[LatencyHistogram.BUCKETS];
    private final long[] scratch = new long[LatencyHistogram.BUCKETS];
    private final long[] interval = new long[LatencyHistogram.BUCKETS];
    private long errorsBefore;
    private long rateLimitedBefore;
    private long refusedBefore;
    private long replaysBefore;
    private long slowBefore;
    private int intervalsClosed;

    public Metrics() {
        this(System::currentTimeMillis);
    }

    /**
     * A recorder nobody reads, for the objects that record but are built without a container (unit tests, benchmarks),
     * so they pay what they pay in production.
     */
    public static Metrics detached() {
        return new Metrics();
    }

    /** With a clock of epoch milliseconds (tests move it). */
    public Metrics(LongSupplier clock) {
        this.clock = clock;
        this.since = clock.getAsLong();
        this.nextClose = since + INTERVAL_MILLIS;
        for (Refusal r : Refusal.values()) {
            refused.put(r, new LongAdder());
        }
        this.latest = emptySample(since);
    }

    /**
     * One action handled: {@code component} as the request named it, {@code errorType} its failure's wire name or null,
     * {@code nanos} server-side time. {@code knownComponent} false for failures before the type was resolved (unknown
     * name, bad signature): those count overall but not under a name a client made up.
     */
    public void action(String component, boolean knownComponent, String errorType, long nanos) {
        // first: an action that ends after the boundary belongs to the next interval
        closeIfDue();
        long micros = TimeUnit.NANOSECONDS.toMicros(nanos);
        actions.record(micros);
        if (errorType != null) {
            errors.computeIfAbsent(errorType, t -> new LongAdder()).increment();
        }
        if (knownComponent && component != null) {
            figures(component).record(micros, errorType != null);
        }
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    public void handshakeRefused(Refusal reason) {
        refused.get(reason).increment();
    }

    /** One broadcast delivered to this instance's listening connections: {@code nanos} until the last push. */
    public void broadcast(long nanos) {
        fanOut.record(TimeUnit.NANOSECONDS.toMicros(nanos));
    }

    public void replayed(int broadcasts) {
        if (broadcasts > 0) {
            replays.add(broadcasts);
        }
    }

    public void slowConsumerClosed() {
        slowConsumers.increment();
    }

    /** An AJAX request from {@code clientId}: counted once per minute, approximately. */
    public void ajaxClient(String clientId) {
        ajaxClients.seen(clientId);
    }

    /** Where to read {@code gauge} when an interval closes or a snapshot is taken; a later call replaces it. */
    public void gauge(Gauge gauge, LongSupplier value) {
        gauges.put(gauge, value);
    }

    /** Everything recorded, closing any interval that is due first. */
    public MetricsSnapshot snapshot() {
        closeIfDue();
        long[] all = actions.counts();
        long[] fan = fanOut.counts();
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((type, count) -> errorCounts.put(type, count.sum()));
        Map<String, Long> refusals = new TreeMap<>();
        refused.forEach((reason, count) -> refusals.put(reason.tag(), count.sum()));
        List<ComponentSnapshot> perComponent = new ArrayList<>();
        components.values().forEach(f -> perComponent.add(f.snapshot()));
        perComponent.sort(Comparator.comparing(ComponentSnapshot::component));
        Sample last = latest;
        Sample now = new Sample(clock.getAsLong(), last.actionsPerSecond(), last.actionP50Micros(),
                last.actionP99Micros(), last.errors(), last.rateLimited(), last.handshakesRefused(),
                last.broadcastsPerSecond(), last.fanOutP99Micros(), last.replays(), last.slowConsumers(),
                read(Gauge.WEBSOCKET_CONNECTIONS), read(Gauge.SSE_STREAMS), ajaxClients.estimate(),
                read(Gauge.LIVE_COMPONENTS), heapUsed());
        return new MetricsSnapshot(now.atMillis(), since, LatencyHistogram.total(all),
                LatencyHistogram.percentile(all, 0.5), LatencyHistogram.percentile(all, 0.99), errorCounts,
                rateLimited.sum(), refusals, LatencyHistogram.total(fan), LatencyHistogram.percentile(fan, 0.5),
                LatencyHistogram.percentile(fan, 0.99), replays.sum(), slowConsumers.sum(), now, perComponent,
                history.samples());
    }

    private ComponentFigures figures(String component) {
        ComponentFigures f = components.get(component);
        if (f != null) {
            return f;
        }
        String key = components.size() < MAX_COMPONENTS ? component : OTHER;
        return components.computeIfAbsent(key, ComponentFigures::new);
    }

    private void closeIfDue() {
        long now = clock.getAsLong();
        if (now < nextClose) {
            return;
        }
        synchronized (intervalLock) {
            if (now < nextClose) {
                return;
            }
            long behind = (now - nextClose) / INTERVAL_MILLIS;
            // an idle gap: the empty intervals before the last one (at most the history's length) are drawn as zeros
            for (long i = Math.max(0, behind - HISTORY); i < behind; i++) {
                history.add(emptySample(nextClose + i * INTERVAL_MILLIS));
            }
            long closedAt = nextClose + behind * INTERVAL_MILLIS;
            Sample sample = close(closedAt);
            history.add(sample);
            latest = sample;
            nextClose = closedAt + INTERVAL_MILLIS;
        }
    }

    private Sample close(long atMillis) {
        double seconds = INTERVAL_MILLIS / 1000.0;
        actions.copyInto(scratch);
        LatencyHistogram.difference(scratch, actionsBefore, interval);
        System.arraycopy(scratch, 0, actionsBefore, 0, scratch.length);
        long actionCount = LatencyHistogram.total(interval);
        long p50 = LatencyHistogram.percentile(interval, 0.5);
        long p99 = LatencyHistogram.percentile(interval, 0.99);
        fanOut.copyInto(scratch);
        LatencyHistogram.difference(scratch, fanOutBefore, interval);
        System.arraycopy(scratch, 0, fanOutBefore, 0, scratch.length);
        long broadcastCount = LatencyHistogram.total(interval);
        long fanP99 = LatencyHistogram.percentile(interval, 0.99);
        components.values().forEach(f -> f.close(scratch, interval));
        if (++intervalsClosed % ROLL_CLIENTS_EVERY == 0) {
            ajaxClients.roll();
        }
        long errorTotal = errors.values().stream().mapToLong(LongAdder::sum).sum();
        long refusedTotal = refused.values().stream().mapToLong(LongAdder::sum).sum();
        Sample sample = new Sample(atMillis, actionCount / seconds, p50, p99, errorTotal - errorsBefore,
                rateLimited.sum() - rateLimitedBefore, refusedTotal - refusedBefore, broadcastCount / seconds, fanP99,
                replays.sum() - replaysBefore, slowConsumers.sum() - slowBefore, read(Gauge.WEBSOCKET_CONNECTIONS),
                read(Gauge.SSE_STREAMS), ajaxClients.estimate(), read(Gauge.LIVE_COMPONENTS), heapUsed());
        errorsBefore = errorTotal;
        rateLimitedBefore = rateLimited.sum();
        refusedBefore = refusedTotal;
        replaysBefore = replays.sum();
        slowBefore = slowConsumers.sum();
        return sample;
    }

    private Sample emptySample(long atMillis) {
        return new Sample(atMillis, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, read(Gauge.WEBSOCKET_CONNECTIONS),
                read(Gauge.SSE_STREAMS), 0, read(Gauge.LIVE_COMPONENTS), heapUsed());
    }

    private long read(Gauge gauge) {
        LongSupplier supplier = gauges.get(gauge);
        try {
            return supplier == null ? 0 : supplier.getAsLong();
        } catch (RuntimeException e) {
            // a transport shutting down: its figure is gone, recording goes on
            return 0;
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
