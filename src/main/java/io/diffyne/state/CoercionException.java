package io.diffyne.state;

import java.lang.reflect.Type;

/**
 * A JSON value that cannot become the Java type asked for. Names the path inside the value ({@code items[3].qty})
 * and the target type; {@link #clientMessage()} gives the path and the reason without the Java type name.
 */
public final class CoercionException extends StateException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final transient Type targetType;
    private final String reason;

    public CoercionException(String path, Type targetType, String reason) {
        this(path, targetType, reason, null);
    }

    public CoercionException(String path, Type targetType, String reason, Throwable cause) {
        super(where(path) + "cannot convert to " + targetType.getTypeName() + ": " + reason,
                where(path) + reason, cause);
        this.path = path;
        this.targetType = targetType;
        this.reason = reason;
    }

    private static String where(String path) {
        return path == null || path.isEmpty() ? "" : path + ": ";
    }

    /** Where in the value the failure is, e.g. {@code items[3].qty}; empty for the value itself. */
    public String path() {
        return path;
    }

    public Type targetType() {
        return targetType;
    }

    /** Why, without path or type, e.g. {@code "expected an integer between -128 and 127, got 300"}. */
    public String reason() {
        return reason;
    }
}
