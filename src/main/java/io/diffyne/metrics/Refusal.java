package io.diffyne.metrics;

import java.util.Locale;

/** Why a WebSocket handshake was refused, as the dashboard and the metric tags name it. */
public enum Refusal {
    /** {@code Origin} not allowed, or not allowed with that credential (403). */
    ORIGIN,
    /** No, or a bad, key or token (403). */
    CREDENTIAL,
    /** Over {@code DIFFYNE_WS_HANDSHAKE_RATE} (429). */
    RATE,
    /** Over {@code DIFFYNE_WS_CONNECTIONS_PER_CLIENT} (429). */
    CONNECTIONS;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
