package io.diffyne.transport.websocket;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Where a client stands on one channel, as {@code diffyne.resume} names it: {@code {"ep":"q3Xv9a_Z","seq":41}} (the
 * epoch and last seq it saw). A bare number (a page loaded before epochs, after a redeploy) names no epoch, so its
 * replay is incomplete and the page re-renders.
 *
 * @param epoch the channel log's epoch the client holds, null when it names none
 * @param seq   the last seq it saw in that epoch
 */
record ResumePoint(String epoch, long seq) {

    /** Epochs the server makes have 8 characters; a little room for a cluster bus that makes longer ones. */
    static final int MAX_EPOCH_LENGTH = 64;

    static ResumePoint parse(String channel, JsonValue value) {
        JsonValue seq = value;
        String epoch = null;
        if (value instanceof JsonObject o) {
            seq = o.get("seq");
            JsonValue ep = o.get("ep");
            if (ep instanceof JsonString s && s.getString().length() <= MAX_EPOCH_LENGTH) {
                epoch = s.getString();
            } else if (ep != null && ep != JsonValue.NULL) {
                throw invalid(channel);
            }
        }
        if (!(seq instanceof JsonNumber n) || !n.isIntegral() || n.bigIntegerValue().signum() < 0
                || n.bigIntegerValue().bitLength() > 62) {
            throw invalid(channel);
        }
        return new ResumePoint(epoch, n.longValue());
    }

    private static ProtocolException invalid(String channel) {
        return new ProtocolException(ErrorType.BAD_REQUEST, "channel " + HandshakeGuard.printable(channel)
                + " must name {\"ep\":<epoch of at most " + MAX_EPOCH_LENGTH + " characters>,\"seq\":<last seq seen, a non-negative whole number>}");
    }
}
