package io.diffyne.state;

/**
 * Any failure of the state layer: a malformed or tampered snapshot, a value that does not fit its field, a component
 * class whose state cannot be described. The message is for logs; {@link #clientMessage()} is safe for a browser.
 */
public class StateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String clientMessage;

    public StateException(String message) {
        this(message, message, null);
    }

    public StateException(String message, Throwable cause) {
        this(message, message, cause);
    }

    protected StateException(String message, String clientMessage, Throwable cause) {
        super(message, cause);
        this.clientMessage = clientMessage;
    }

    /** A message without Java class names or stack details, fit for an error response. */
    public String clientMessage() {
        return clientMessage;
    }
}
