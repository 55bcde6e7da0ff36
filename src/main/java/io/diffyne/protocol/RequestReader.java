package io.diffyne.protocol;

import io.diffyne.state.CanonicalJson;
import io.diffyne.state.MalformedJsonException;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses action requests from hostile JSON. Every problem is a {@link ProtocolException} of type
 * {@link ErrorType#BAD_REQUEST} with a message that says what is wrong, carrying the request's {@code requestId}
 * once that is read; the caller has already bounded the size in bytes.
 */
public final class RequestReader {

    /** Most actions one batch may carry (a client flushing its offline queue). */
    public static final int MAX_BATCH = 50;

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,127}");
    private static final Pattern EVENT = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");

    private RequestReader() {
    }

    /**
     * Parses a network message (an AJAX body, a WebSocket message) into an object or array with the one bounded
     * parser, {@link CanonicalJson#parse(String)}: anything beyond its limits is a bad request naming the offset.
     */
    public static JsonStructure parse(String json) {
        JsonValue root;
        try {
            root = CanonicalJson.parse(json);
        } catch (MalformedJsonException e) {
            throw bad(e.clientMessage());
        }
        if (!(root instanceof JsonStructure structure)) {
            throw bad("Malformed JSON: expected an object or an array, got " + CanonicalJson.kind(root));
        }
        return structure;
    }

    /**
     * The {@code requestId} of a request object, or null when it has none or one that {@link #read(JsonObject)}
     * would refuse (an error must never echo an arbitrary string).
     */
    public static String requestIdOf(JsonValue request) {
        if (request instanceof JsonObject o && o.get("requestId") instanceof JsonString s
                && REQUEST_ID.matcher(s.getString()).matches()) {
            return s.getString();
        }
        return null;
    }

    /** Reads one action from a JSON text. */
    public static ActionRequest read(String json) {
        JsonStructure root = parse(json);
        if (!(root instanceof JsonObject object)) {
            throw bad("An action must be a JSON object");
        }
        return read(object);
    }

    /**
     * The actions of a batch (an array of 1 to {@link #MAX_BATCH} objects), still to be read one by one with
     * {@link #read(JsonObject)}, so one malformed action is refused alone, with its own {@code requestId}.
     */
    public static List<JsonObject> batch(JsonArray array) {
        if (array.isEmpty() || array.size() > MAX_BATCH) {
            throw bad("A batch must hold 1 to " + MAX_BATCH + " actions");
        }
        List<JsonObject> actions = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (!(item instanceof JsonObject object)) {
                throw bad("Every action in a batch must be a JSON object");
            }
            actions.add(object);
        }
        return actions;
    }

    /** Reads one action from a parsed object; a refusal carries the action's {@code requestId} when it has one. */
    public static ActionRequest read(JsonObject o) {
        try {
            return readAction(o);
        } catch (ProtocolException e) {
            throw e.about(requestIdOf(o));
        }
    }

    private static ActionRequest readAction(JsonObject o) {
        String typeName = requiredString(o, "type");
        RequestType type = RequestType.fromWire(typeName)
                .orElseThrow(() -> bad("Unknown request type '" + truncate(typeName) + "': use call, update, event or render"));
        String requestId = optionalString(o, "requestId");
        if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
            throw bad("requestId must be 1 to 64 characters of letters, digits, '.', '_', ':' or '-'");
        }

        JsonObject snapshot = optionalObject(o, "snapshot");
        SnapshotRef ref = readRef(optionalObject(o, "ref"));
        if ((snapshot == null) == (ref == null)) {
            throw bad("An action carries exactly one of 'snapshot' and 'ref'");
        }

        String method = null;
        JsonArray params = JsonValue.EMPTY_JSON_ARRAY;
        String property = null;
        JsonValue value = null;
        String event = null;
        JsonValue data = JsonValue.NULL;
        String pass = null;
        JsonObject updates = optionalObject(o, "updates");
        if (updates == null) {
            updates = JsonValue.EMPTY_JSON_OBJECT;
        }
        for (String name : updates.keySet()) {
            requireName(name, "updates key");
        }
        switch (type) {
            case CALL -> {
                method = requireName(requiredString(o, "method"), "method");
                JsonValue p = o.get("params");
                if (p != null && p != JsonValue.NULL) {
                    if (!(p instanceof JsonArray array)) {
                        throw bad("'params' must be an array of positional parameters");
                    }
                    params = array;
                }
            }
            case UPDATE -> {
                property = requireName(requiredString(o, "property"), "property");
                if (!o.containsKey("value")) {
                    throw bad("An update needs 'value'");
                }
                value = o.get("value");
            }
            case EVENT -> {
                event = requiredString(o, "event");
                if (!EVENT.matcher(event).matches()) {
                    throw bad("'event' must be 1 to 128 characters of letters, digits, '.', '_', ':', '/' or '-'");
                }
                data = o.getOrDefault("data", JsonValue.NULL);
                pass = optionalString(o, "pass");
            }
            case RENDER -> {
                // nothing beyond the snapshot
            }
        }
        return new ActionRequest(type, requestId, snapshot, ref, method, params, property, value, updates, event, data,
                pass);
    }

    private static SnapshotRef readRef(JsonObject ref) {
        if (ref == null) {
            return null;
        }
        String id = requiredString(ref, "id");
        // optional (protocol v2): the connection's own copy names the signature; a page's first action names it
        String sig = optionalString(ref, "sig");
        JsonValue version = ref.get("version");
        if (!(version instanceof JsonNumber number) || !number.isIntegral() || number.bigIntegerValue().bitLength() > 62
                || number.longValue() < 0) {
            throw bad("'ref.version' must be a non-negative whole number");
        }
        return new SnapshotRef(id, number.longValue(), sig);
    }

    private static String requireName(String name, String what) {
        if (!NAME.matcher(name).matches()) {
            throw bad("'" + what + "' must be a Java identifier, got '" + truncate(name) + "'");
        }
        return name;
    }

    private static String requiredString(JsonObject o, String key) {
        String value = optionalString(o, key);
        if (value == null) {
            throw bad("Missing '" + key + "'");
        }
        return value;
    }

    private static String optionalString(JsonObject o, String key) {
        JsonValue value = o.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw bad("'" + key + "' must be a string");
        }
        return s.getString();
    }

    private static JsonObject optionalObject(JsonObject o, String key) {
        JsonValue value = o.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            throw bad("'" + key + "' must be an object");
        }
        return object;
    }

    private static String truncate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static ProtocolException bad(String message) {
        return new ProtocolException(ErrorType.BAD_REQUEST, message);
    }
}
