package io.diffyne.protocol;

/**
 * Names a snapshot the WebSocket connection already holds, instead of resending its state.
 * JSON: {@code {"id":"q3Xv9Tz0bA1c","version":3,"sig":"kQ2b…"}}
 */
public record SnapshotRef(String id, long version, String sig) {
}
