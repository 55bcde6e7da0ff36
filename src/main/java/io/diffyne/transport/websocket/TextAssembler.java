package io.diffyne.transport.websocket;

/**
 * Joins the fragments of one text message, bounded by {@code DIFFYNE_WS_MAX_MESSAGE_SIZE} in UTF-8 bytes. Diffyne
 * takes text as partial messages and joins them itself instead of letting the container buffer whole messages: Tyrus
 * (Payara) reports a fragmented message over its buffer as an error after closing the session, and its error path
 * then re-registers the closed session in a map nobody clears, keeping the session and its partly filled buffer (up to
 * the limit) for the life of the application: about 2 MiB of heap per oversized message, found by the protocol
 * fuzzer. Here an oversized message is refused by an ordinary close (1009), which every container cleans up after.
 * One per connection; the container calls it from one thread at a time.
 */
final class TextAssembler {

    private final long maxBytes;
    private StringBuilder parts;
    private long bytes;
    private boolean overflowed;

    TextAssembler(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Adds one fragment; returns the whole message with the last one, else null. A message beyond the limit returns
     * null from the fragment that crosses it on, and {@link #overflowed()} says so (its fragments are dropped, not
     * kept). A message in one frame is returned as it came (its size is the caller's to check, as for any message).
     */
    String add(String part, boolean last) {
        if (parts == null && last && !overflowed) {
            return part;
        }
        if (!overflowed) {
            bytes += SocketSessions.utf8Length(part);
            if (bytes > maxBytes) {
                overflowed = true;
                parts = null;
            } else {
                if (parts == null) {
                    parts = new StringBuilder(part.length() * 2);
                }
                parts.append(part);
            }
        }
        if (!last) {
            return null;
        }
        String whole = overflowed ? null : parts.toString();
        parts = null;
        bytes = 0;
        return whole;
    }

    /** Whether the message being received went over the limit (stays true: the connection is closed for it). */
    boolean overflowed() {
        return overflowed;
    }
}
