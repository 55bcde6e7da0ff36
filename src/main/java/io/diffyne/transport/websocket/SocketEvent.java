package io.diffyne.transport.websocket;

import java.util.Optional;

/**
 * The {@code event} names of the WebSocket envelope {@code {"event":…,"data":…}} (docs/protocol.md §6), mirrored
 * 1:1 by the client's constants.
 */
enum SocketEvent {
    // client → server
    CALL("diffyne.call"),
    UPDATE("diffyne.update"),
    PING("diffyne.ping"),
    RESUME("diffyne.resume"),
    // server → client
    CONNECTED("diffyne.connected"),
    RESPONSE("diffyne.response"),
    ERROR("diffyne.error"),
    PONG("diffyne.pong"),
    PUSH("diffyne.push"),
    RESUMED("diffyne.resumed");

    private final String wireName;

    SocketEvent(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Optional<SocketEvent> fromWire(String name) {
        for (SocketEvent event : values()) {
            if (event.wireName.equals(name)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }
}
