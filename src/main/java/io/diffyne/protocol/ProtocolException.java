package io.diffyne.protocol;

/**
 * A request the server refuses, carrying the error type and a message safe to show the client (never a class name,
 * a file or a stack trace), and the refused request's {@code requestId} once it is known.
 */
public class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorType type;
    private final String requestId;

    public ProtocolException(ErrorType type, String message) {
        this(type, message, null);
    }

    private ProtocolException(ErrorType type, String message, String requestId) {
        super(message, null, false, false);
        this.type = type;
        this.requestId = requestId;
    }

    public ErrorType type() {
        return type;
    }

    /** The refused request's {@code requestId}, or null when it had none or it was not read yet. */
    public String requestId() {
        return requestId;
    }

    /** This refusal, about the request with {@code requestId} (this same one when that adds nothing). */
    public ProtocolException about(String requestId) {
        return requestId == null || requestId.equals(this.requestId) ? this
                : new ProtocolException(type, getMessage(), requestId);
    }
}
