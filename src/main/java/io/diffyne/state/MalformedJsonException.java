package io.diffyne.state;

/** Input that is not JSON, or JSON beyond the limits of {@link JsonLimits}; names the offset, never echoes input. */
public final class MalformedJsonException extends StateException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public MalformedJsonException(String reason, int offset) {
        super(offset < 0 ? "Malformed JSON: " + reason : "Malformed JSON at offset " + offset + ": " + reason);
        this.offset = offset;
    }

    /** Character offset in the input where parsing stopped, or -1 when the failure has no position. */
    public int offset() {
        return offset;
    }
}
