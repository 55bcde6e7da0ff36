package io.diffyne.protocol;

/**
 * A request the server refuses, carrying the error type and a message safe to show the client (never a class name,
 * a file or a stack trace).
 */
public class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorType type;

    public ProtocolException(ErrorType type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    public ErrorType type() {
        return type;
    }
}
