package io.diffyne.protocol;

/**
 * Names a snapshot the WebSocket connection already holds, instead of resending its state.
 * JSON: {@code {"id":"q3Xv9Tz0bA1c","version":3,"sig":"kQ2b…"}}; {@code sig} may be left out (null here) when the
 * connection holds that version: the runtime then takes the signature from its copy ({@link #withSig}).
 */
public record SnapshotRef(String id, long version, String sig) {

    public SnapshotRef withSig(String sig) {
        return new SnapshotRef(id, version, sig);
    }
}
