package io.diffyne.bench.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When each measured exchange ran, on the wall clock the flight recordings use (epoch nanoseconds, from one reading
 * of {@link Instant#now()} against {@link System#nanoTime()}): {@link StageTable} leaves out, on both sides of its
 * check, the exchanges that overlapped a garbage collection pause of the server or of this client.
 */
final class Timeline {

    private static final long EPOCH_MINUS_NANO_TIME = epochNanos(Instant.now()) - System.nanoTime();

    private final List<Long> starts = new ArrayList<>();
    private final List<Long> nanos = new ArrayList<>();

    private Timeline() {
    }

    static Timeline start() {
        return new Timeline();
    }

    /**
     * Runs one exchange that times itself from its first line (an echo) and keeps when it started and how long it
     * took (its return value).
     */
    long time(java.util.function.LongSupplier exchange) {
        long start = System.nanoTime();
        long took = exchange.getAsLong();
        starts.add(EPOCH_MINUS_NANO_TIME + start);
        nanos.add(took);
        return took;
    }

    /**
     * Runs one exchange that builds its request before it sends it and keeps its send time, not the call's:
     * {@code sentAt} is read after the call ({@link System#nanoTime()} of the send; its round trip is the return
     * value). Without it an action's window began at the building of its text, and {@link ExchangeWindows} counted
     * that as the way to the server.
     */
    long time(java.util.function.LongSupplier exchange, java.util.function.LongSupplier sentAt) {
        long took = exchange.getAsLong();
        starts.add(EPOCH_MINUS_NANO_TIME + sentAt.getAsLong());
        nanos.add(took);
        return took;
    }

    /** {@code {"start_epoch_ns": [...], "nanos": [...]}}. */
    Map<String, Object> json() {
        return Map.of("start_epoch_ns", starts, "nanos", nanos);
    }

    private static long epochNanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
