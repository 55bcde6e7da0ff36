package io.diffyne.state;

/** The snapshot's signature does not match its content and principal: tampered, stale key, or another user's. */
public final class InvalidSignatureException extends StateException {

    private static final long serialVersionUID = 1L;

    public InvalidSignatureException(String component, String id) {
        super("Snapshot signature mismatch for component '" + component + "' id '" + id
                        + "' (tampered state, another user's snapshot, or a changed DIFFYNE_SIGNING_KEY)",
                "Invalid snapshot signature", null);
    }
}
