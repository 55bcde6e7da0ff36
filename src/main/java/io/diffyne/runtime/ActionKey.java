package io.diffyne.runtime;

import io.diffyne.protocol.ActionRequest;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * What identifies one action whatever its form or transport: who asks, the snapshot it starts from (component id,
 * version, signature) and its requestId. A call by reference over WebSocket and its retry over AJAX with the full
 * snapshot have the same key; a stranger cannot reach a remembered answer without that snapshot's signature.
 */
final class ActionKey {

    private ActionKey() {
    }

    /** The key of {@code request}, or null when it cannot be retried safely (no requestId, malformed snapshot). */
    static String of(ActionRequest request, ClientContext client) {
        if (request.requestId() == null) {
            return null;
        }
        String id;
        long version;
        String sig;
        if (request.ref() != null) {
            id = request.ref().id();
            version = request.ref().version();
            sig = request.ref().sig();
        } else {
            JsonObject snapshot = request.snapshot();
            if (!(snapshot.get("id") instanceof JsonString i) || !(snapshot.get("sig") instanceof JsonString s)
                    || !(snapshot.get("version") instanceof JsonNumber v) || !v.isIntegral()
                    || v.bigIntegerValue().bitLength() > 63) {
                return null; // refused as malformed before anything runs: nothing to remember
            }
            id = i.getString();
            version = v.longValue();
            sig = s.getString();
        }
        String principal = client.principal() == null ? "" : client.principal();
        return String.join("\u0000", principal, id, Long.toString(version), sig, request.requestId());
    }
}
