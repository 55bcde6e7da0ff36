package io.diffyne.state;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A component's signed state as it travels to the browser and back (protocol.md section 2):
 *
 * <pre>{@code {"component":"counter","id":"q3Xv9Tz0bA1c","version":3,"state":{"count":2},"sig":"kQ2bW1y7Uu0gM5v2Q4o3xA"}}</pre>
 *
 * {@code sig} may be {@code null} on a snapshot not signed yet ({@link SnapshotSigner#sign} fills it); a snapshot read
 * from the network always has one. The reader is strict: exactly these five members, each of its type.
 */
public record Snapshot(String component, String id, long version, JsonObject state, String sig) {

    /** Component names: lower-case letters, digits, '-', '.', '/' (as {@code @DiffyneComponent} documents). */
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9][a-z0-9./-]{0,127}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** 16 bytes of HMAC in base64url without padding. */
    private static final Pattern SIG = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Set<String> MEMBERS = Set.of("component", "id", "version", "state", "sig");

    public Snapshot {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }

    /** The same snapshot with another signature. */
    public Snapshot withSig(String signature) {
        return new Snapshot(component, id, version, state, signature);
    }

    /** The snapshot as a JSON object (members in the protocol's order). */
    public JsonObject toJson() {
        var b = JsonSupport.PROVIDER.createObjectBuilder()
                .add("component", component)
                .add("id", id)
                .add("version", version)
                .add("state", state);
        if (sig != null) {
            b.add("sig", sig);
        }
        return b.build();
    }

    /** Compact JSON text for the {@code diff:snapshot} attribute or a response; the state is in canonical form. */
    public String toJsonString() {
        StringBuilder out = new StringBuilder(64 + state.size() * 16);
        out.append("{\"component\":");
        CanonicalJson.writeString(component, out);
        out.append(",\"id\":");
        CanonicalJson.writeString(id, out);
        out.append(",\"version\":").append(version).append(",\"state\":");
        CanonicalJson.write(state, out);
        if (sig != null) {
            out.append(",\"sig\":");
            CanonicalJson.writeString(sig, out);
        }
        return out.append('}').toString();
    }

    /** Parses untrusted snapshot text (bounded, see {@link CanonicalJson#parse(String)}) and reads it strictly. */
    public static Snapshot parse(String json) {
        return fromJson(CanonicalJson.parse(json));
    }

    /**
     * Reads a snapshot received from a client.
     *
     * @throws MalformedSnapshotException when a member is missing, unknown, or of the wrong type or form
     */
    public static Snapshot fromJson(JsonValue json) {
        if (json == null || json.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedSnapshotException("snapshot must be a JSON object, got "
                    + (json == null ? "nothing" : CanonicalJson.kind(json)));
        }
        JsonObject o = (JsonObject) json;
        for (String key : o.keySet()) {
            if (!MEMBERS.contains(key)) {
                throw new MalformedSnapshotException("snapshot has an unknown member (allowed: component, id, "
                        + "version, state, sig)");
            }
        }
        String component = string(o, "component", COMPONENT);
        String id = string(o, "id", ID);
        long version = version(o);
        JsonValue state = require(o, "state");
        if (state.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedSnapshotException("snapshot 'state' must be an object, got " + CanonicalJson.kind(state));
        }
        String sig = string(o, "sig", SIG);
        return new Snapshot(component, id, version, (JsonObject) state, sig);
    }

    private static JsonValue require(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null) {
            throw new MalformedSnapshotException("snapshot lacks '" + name + "'");
        }
        return v;
    }

    private static String string(JsonObject o, String name, Pattern form) {
        JsonValue v = require(o, name);
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new MalformedSnapshotException("snapshot '" + name + "' must be a string, got " + CanonicalJson.kind(v));
        }
        String s = ((JsonString) v).getString();
        if (!form.matcher(s).matches()) {
            throw new MalformedSnapshotException("snapshot '" + name + "' has an invalid form");
        }
        return s;
    }

    private static long version(JsonObject o) {
        JsonValue v = require(o, "version");
        if (v.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new MalformedSnapshotException("snapshot 'version' must be a number, got " + CanonicalJson.kind(v));
        }
        try {
            // 3.0 is 3: a client may reformat numbers, the canonical form does not see the difference either
            BigDecimal d = ((JsonNumber) v).bigDecimalValue().stripTrailingZeros();
            long version = d.longValueExact();
            if (version >= 0) {
                return version;
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // fall through
        }
        throw new MalformedSnapshotException("snapshot 'version' must be a non-negative integer");
    }
}
