/**
 * The load generator behind {@code scripts/bench.sh}: plain JDK {@code HttpClient} / {@code WebSocket} clients that
 * behave like the browser client on the wire (same request bodies, snapshot references over WebSocket, full snapshots
 * over AJAX), verify every answer, and time them against echo baselines. Loopback only; every loop is bounded in count
 * and in time. Runs outside the server; depends on the JSON-P API (Parsson at run time) and nothing of the server.
 */
package io.diffyne.bench.load;
