package io.diffyne.metrics;

import java.util.List;
import java.util.Map;

/**
 * Everything recorded on this instance, read at {@link #atMillis}: totals since start, the gauges now, the actions of
 * each component type and the history of closed 10-second intervals (at most 15 minutes, oldest first).
 *
 * @param atMillis          when it was read (epoch milliseconds)
 * @param sinceMillis       when recording started
 * @param actions           actions handled since start
 * @param actionP50Micros   their server-side latency, median
 * @param actionP99Micros   the same, 99th percentile
 * @param errors            failed actions by error type ({@code validation_error}, {@code server_error}, …)
 * @param rateLimited       requests refused by a rate limit
 * @param handshakesRefused refused WebSocket upgrades by reason ({@link Refusal#tag()})
 * @param broadcasts        broadcasts fanned out to this instance's connections
 * @param fanOutP50Micros   time from a broadcast's arrival until every listening connection's push is written, median
 * @param fanOutP99Micros   the same, 99th percentile
 * @param replays           missed broadcasts replayed
 * @param slowConsumers     connections closed for not reading
 * @param now               the latest figures: the gauges read now, the rates of the last closed interval
 * @param components        per component type, by name
 * @param history           closed intervals, oldest first
 */
public record MetricsSnapshot(long atMillis, long sinceMillis, long actions, long actionP50Micros, long actionP99Micros,
                              Map<String, Long> errors, long rateLimited, Map<String, Long> handshakesRefused,
                              long broadcasts, long fanOutP50Micros, long fanOutP99Micros, long replays,
                              long slowConsumers, Sample now, List<ComponentSnapshot> components, List<Sample> history) {

    public MetricsSnapshot {
        errors = Map.copyOf(errors);
        handshakesRefused = Map.copyOf(handshakesRefused);
        components = List.copyOf(components);
        history = List.copyOf(history);
    }

    public long errorTotal() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public long handshakesRefusedTotal() {
        return handshakesRefused.values().stream().mapToLong(Long::longValue).sum();
    }
}
