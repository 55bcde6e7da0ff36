package io.diffyne.metrics;

/** The figures a transport reports by being asked (see {@link Metrics#gauge}), rather than by counting events. */
public enum Gauge {
    /** Open WebSocket connections. */
    WEBSOCKET_CONNECTIONS,
    /** Open Server-Sent Event streams. */
    SSE_STREAMS,
    /** Live components held by the WebSocket connections. */
    LIVE_COMPONENTS
}
