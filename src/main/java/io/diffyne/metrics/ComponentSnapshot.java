package io.diffyne.metrics;

/**
 * One component type's actions on this instance.
 *
 * @param component      the component's name; {@code (other)} gathers types beyond the first 256 seen
 * @param actions        actions since start
 * @param errors         of those, failed ones
 * @param p50Micros      server-side latency since start, median
 * @param p99Micros      the same, 99th percentile
 * @param recentActions  actions in the last closed 10-second interval
 * @param recentP50Micros latency in that interval, median (0 when it had none)
 * @param recentP99Micros the same, 99th percentile
 */
public record ComponentSnapshot(String component, long actions, long errors, long p50Micros, long p99Micros,
                                long recentActions, long recentP50Micros, long recentP99Micros) {
}
