package io.diffyne.state;

/** A snapshot (or snapshot state, or state delta) whose shape is wrong: missing, extra or mistyped members. */
public final class MalformedSnapshotException extends StateException {

    private static final long serialVersionUID = 1L;

    public MalformedSnapshotException(String message) {
        super(message);
    }
}
