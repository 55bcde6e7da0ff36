package io.diffyne.config;

/** The page-wide transport chosen by {@code DIFFYNE_TRANSPORT}. */
public enum TransportMode {
    /** WebSocket first, AJAX while the socket is not open. */
    WEBSOCKET,
    /** AJAX only. */
    AJAX;

    /** The value as written in configuration and sent to the client. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
