package io.diffyne.protocol;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One action from a client, as parsed from the wire (docs/protocol.md §3). Exactly one of {@link #snapshot()} and
 * {@link #ref()} is present. Example:
 * <pre>{"type":"call","requestId":"r7","snapshot":{…},"method":"add","params":["milk",2],"updates":{"draft":"x"}}</pre>
 *
 * @param type      what to do
 * @param requestId client-chosen correlation id, or null
 * @param snapshot  the signed snapshot as received (verified by the runtime), or null when {@code ref} is given
 * @param ref       a snapshot reference (WebSocket only), or null
 * @param method    {@code call}: the method name
 * @param params    {@code call}: positional parameters (never null; empty when absent)
 * @param property  {@code update}: the property name
 * @param value     {@code update}: the new value (JSON null allowed)
 * @param updates   deferred model values applied before a {@code call} or {@code event} (never null)
 * @param event     {@code event}: the event name
 * @param data      {@code event}: the event data (JSON null when absent)
 * @param pass      {@code event}: the pass the server issued with the event it relays, or null (browser-raised)
 */
public record ActionRequest(
        RequestType type,
        String requestId,
        JsonObject snapshot,
        SnapshotRef ref,
        String method,
        JsonArray params,
        String property,
        JsonValue value,
        JsonObject updates,
        String event,
        JsonValue data,
        String pass) {

    /** This request naming {@code ref} instead (a reference completed with the signature the connection holds). */
    public ActionRequest withRef(SnapshotRef ref) {
        return new ActionRequest(type, requestId, null, ref, method, params, property, value, updates, event, data,
                pass);
    }

    /** The component id this request addresses, from the snapshot or the reference. */
    public String componentId() {
        if (ref != null) {
            return ref.id();
        }
        JsonValue id = snapshot.get("id");
        return id instanceof jakarta.json.JsonString s ? s.getString() : null;
    }
}
