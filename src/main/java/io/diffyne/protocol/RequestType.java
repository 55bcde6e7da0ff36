package io.diffyne.protocol;

import java.util.Optional;

/** The {@code type} of an action request (docs/protocol.md §3). */
public enum RequestType {
    CALL("call"),
    UPDATE("update"),
    EVENT("event"),
    RENDER("render");

    private final String wireName;

    RequestType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RequestType> fromWire(String name) {
        for (RequestType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
