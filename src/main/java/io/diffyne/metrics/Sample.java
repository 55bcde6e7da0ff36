package io.diffyne.metrics;

/**
 * One closed 10-second interval of this instance, as the dashboard's charts draw it. Rates are per second over the
 * interval; latencies are of the actions (or fan-outs) that ended in it; the gauges were read when it closed.
 *
 * @param atMillis          when the interval closed (epoch milliseconds)
 * @param actionsPerSecond  actions handled, both transports
 * @param actionP50Micros   server-side latency of those actions, median
 * @param actionP99Micros   the same, 99th percentile
 * @param errors            actions that failed, any type
 * @param rateLimited       requests refused by a rate limit (HTTP and WebSocket)
 * @param handshakesRefused WebSocket upgrades refused, any reason
 * @param broadcastsPerSecond broadcasts fanned out to this instance's connections
 * @param fanOutP99Micros   time to hand one broadcast to every listening connection, 99th percentile
 * @param replays           missed broadcasts replayed to resuming clients
 * @param slowConsumers     connections closed because they did not read fast enough
 * @param webSocket         open WebSocket connections
 * @param sse               open Server-Sent Event streams
 * @param ajaxClients       distinct AJAX clients in the last minute (estimated)
 * @param liveComponents    live components held by WebSocket connections
 * @param heapUsedBytes     JVM heap in use
 */
public record Sample(long atMillis, double actionsPerSecond, long actionP50Micros, long actionP99Micros, long errors,
                     long rateLimited, long handshakesRefused, double broadcastsPerSecond, long fanOutP99Micros,
                     long replays, long slowConsumers, long webSocket, long sse, long ajaxClients, long liveComponents,
                     long heapUsedBytes) {
}
