package io.diffyne.runtime;

/** The transport a request arrived on. */
public enum Channel {
    WEBSOCKET,
    AJAX
}
