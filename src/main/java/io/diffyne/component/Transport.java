package io.diffyne.component;

/** The transport a component's requests travel on. */
public enum Transport {
    /** Whatever {@code DIFFYNE_TRANSPORT} says (WebSocket with AJAX fallback by default). */
    DEFAULT,
    /** WebSocket, falling back to AJAX while the socket is not open. */
    WEBSOCKET,
    /** Always AJAX (HTTP), even when the page has a WebSocket. */
    AJAX
}
