package io.diffyne.state;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The state delta a response carries instead of the full state (protocol.md section 4, {@code c.sd}): a compact JSON
 * Patch, each op {@code [op, pointer, value?]} with op {@code a} add, {@code r} remove, {@code p} replace and an RFC
 * 6901 pointer ({@code ~0} for '~', {@code ~1} for '/'). Ops apply in order, each to the result of the previous one.
 *
 * <pre>{@code {"count":2,"items":["a"]} -> {"count":3,"items":["a","b"]}
 *  = [["p","/count",3],["a","/items/1","b"]]}</pre>
 *
 * <p>Not {@code Json.createDiff}: Parsson's array diff is a longest-common-subsequence table over the whole array
 * (one edit in 1,000 strings costs about 70 ms, and 4,000 can overflow the stack in its recursive emitter), and the
 * container's JSON-P might produce other ops than the test classpath's, while the browser must apply exactly what
 * was tested. Here arrays are compared after trimming their common prefix and suffix: an append, a removal
 * anywhere, an insertion anywhere or an in-place edit of one element each cost one op (the edit recursing into the
 * element), in time linear in the array; what remains is compared position by position unless it is a shift
 * ({@link ArrayShift}: a window that dropped its oldest elements and took new ones, or the other way round), which
 * costs an op per element dropped or taken instead of one per position.
 */
public final class StateDelta {

    private static final JsonProvider P = JsonSupport.PROVIDER;
    private static final JsonString ADD = P.createValue("a");
    private static final JsonString REMOVE = P.createValue("r");
    private static final JsonString REPLACE = P.createValue("p");

    private StateDelta() {
    }

    /** The ops turning {@code from} into {@code to}; {@code []} when they are canonically equal. */
    public static JsonArray diff(JsonObject from, JsonObject to) {
        JsonArrayBuilder ops = P.createArrayBuilder();
        diffObject(from, to, "", ops);
        return ops.build();
    }

    /**
     * Applies {@code delta} to {@code state} and returns the new state.
     *
     * @throws MalformedSnapshotException naming the op's index when an op is malformed or its pointer does not exist
     */
    public static JsonObject apply(JsonObject state, JsonArray delta) {
        Map<String, Object> root = mutable(state);
        for (int i = 0; i < delta.size(); i++) {
            applyOp(root, delta.get(i), i);
        }
        return (JsonObject) immutable(root);
    }

    // ---- diff

    private static void diffValue(JsonValue a, JsonValue b, String pointer, JsonArrayBuilder ops) {
        if (JsonEquality.same(a, b)) {
            return;
        }
        if (a.getValueType() == JsonValue.ValueType.OBJECT && b.getValueType() == JsonValue.ValueType.OBJECT) {
            diffObject((JsonObject) a, (JsonObject) b, pointer, ops);
        } else if (a.getValueType() == JsonValue.ValueType.ARRAY && b.getValueType() == JsonValue.ValueType.ARRAY) {
            diffArray((JsonArray) a, (JsonArray) b, pointer, ops);
        } else {
            ops.add(op(REPLACE, pointer, b));
        }
    }

    private static void diffObject(JsonObject a, JsonObject b, String pointer, JsonArrayBuilder ops) {
        TreeSet<String> keys = new TreeSet<>(a.keySet()); // sorted: the same states give the same delta
        keys.addAll(b.keySet());
        for (String key : keys) {
            String at = pointer + '/' + escape(key);
            JsonValue x = a.get(key);
            JsonValue y = b.get(key);
            if (y == null) {
                ops.add(remove(at));
            } else if (x == null) {
                ops.add(op(ADD, at, y));
            } else {
                diffValue(x, y, at, ops);
            }
        }
    }

    private static void diffArray(JsonArray a, JsonArray b, String pointer, JsonArrayBuilder ops) {
        int n = a.size();
        int m = b.size();
        int prefix = 0;
        while (prefix < n && prefix < m && JsonEquality.same(a.get(prefix), b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix
                && JsonEquality.same(a.get(n - 1 - suffix), b.get(m - 1 - suffix))) {
            suffix++;
        }
        int oldMiddle = n - prefix - suffix;
        int newMiddle = m - prefix - suffix;
        ArrayShift shift = ArrayShift.find(a, b, prefix, oldMiddle, newMiddle);
        if (shift != null) {
            shift.emit(b, pointer, prefix, ops);
            return;
        }
        int common = Math.min(oldMiddle, newMiddle);
        for (int i = 0; i < common; i++) {
            diffValue(a.get(prefix + i), b.get(prefix + i), pointer + '/' + (prefix + i), ops);
        }
        // removing from the highest index down keeps the lower indices valid
        for (int i = prefix + oldMiddle - 1; i >= prefix + common; i--) {
            ops.add(remove(pointer + '/' + i));
        }
        for (int i = prefix + common; i < prefix + newMiddle; i++) {
            ops.add(op(ADD, pointer + '/' + i, b.get(i)));
        }
    }

    static JsonArrayBuilder remove(String pointer) {
        return P.createArrayBuilder().add(REMOVE).add(pointer);
    }

    static JsonArrayBuilder add(String pointer, JsonValue value) {
        return op(ADD, pointer, value);
    }

    private static JsonArrayBuilder op(JsonString kind, String pointer, JsonValue value) {
        return P.createArrayBuilder().add(kind).add(pointer).add(value);
    }

    static String escape(String key) {
        if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
            return key;
        }
        return key.replace("~", "~0").replace("/", "~1");
    }

    // ---- apply: on a mutable copy (maps, lists, scalar JsonValues), converted back once at the end

    private static void applyOp(Map<String, Object> root, JsonValue opValue, int index) {
        if (opValue.getValueType() != JsonValue.ValueType.ARRAY) {
            throw bad(index, "an op must be an array [op, pointer, value?]");
        }
        JsonArray op = (JsonArray) opValue;
        if (op.size() < 2 || op.size() > 3 || op.get(0).getValueType() != JsonValue.ValueType.STRING
                || op.get(1).getValueType() != JsonValue.ValueType.STRING) {
            throw bad(index, "an op must be [op, pointer, value?] with string op and pointer");
        }
        String kind = op.getString(0);
        boolean needsValue = kind.equals("a") || kind.equals("p");
        if (!needsValue && !kind.equals("r")) {
            throw bad(index, "unknown op (expected a, r or p)");
        }
        if (needsValue != (op.size() == 3)) {
            throw bad(index, needsValue ? "op needs a value" : "remove takes no value");
        }
        List<String> tokens = parsePointer(op.getString(1), index);
        Object parent = root;
        for (int t = 0; t < tokens.size() - 1; t++) {
            parent = child(parent, tokens.get(t), index);
        }
        String last = tokens.get(tokens.size() - 1);
        Object value = needsValue ? mutable(op.get(2)) : null;
        if (parent instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) map;
            if (!kind.equals("a") && !m.containsKey(last)) {
                throw bad(index, "pointer names a member that does not exist");
            }
            if (kind.equals("r")) {
                m.remove(last);
            } else {
                m.put(last, value);
            }
        } else {
            // the root is a map and child() only returns maps and lists
            @SuppressWarnings("unchecked")
            List<Object> l = (List<Object>) parent;
            if (kind.equals("a")) {
                int i = last.equals("-") ? l.size() : arrayIndex(last, l.size() + 1, index);
                l.add(i, value);
            } else {
                int i = arrayIndex(last, l.size(), index);
                if (kind.equals("r")) {
                    l.remove(i);
                } else {
                    l.set(i, value);
                }
            }
        }
    }

    private static Object child(Object parent, String token, int index) {
        Object child;
        if (parent instanceof Map<?, ?> map) {
            child = map.get(token);
        } else if (parent instanceof List<?> list) {
            child = list.get(arrayIndex(token, list.size(), index));
        } else {
            child = null;
        }
        if (!(child instanceof Map) && !(child instanceof List)) {
            throw bad(index, "pointer goes through a member that is missing or not a container");
        }
        return child;
    }

    private static int arrayIndex(String token, int bound, int index) {
        // RFC 6901: decimal digits without a leading zero
        if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')
                || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(index, "invalid array index in pointer");
        }
        int i = Integer.parseInt(token);
        if (i >= bound) {
            throw bad(index, "array index out of bounds");
        }
        return i;
    }

    private static List<String> parsePointer(String pointer, int index) {
        if (pointer.isEmpty() || pointer.charAt(0) != '/') {
            throw bad(index, "pointer must start with '/' (the state root itself cannot be replaced)");
        }
        List<String> tokens = new ArrayList<>(Arrays.asList(pointer.substring(1).split("/", -1)));
        for (int t = 0; t < tokens.size(); t++) {
            String raw = tokens.get(t);
            for (int i = raw.indexOf('~'); i >= 0; i = raw.indexOf('~', i + 1)) {
                if (i + 1 >= raw.length() || (raw.charAt(i + 1) != '0' && raw.charAt(i + 1) != '1')) {
                    throw bad(index, "invalid '~' escape in pointer (only ~0 and ~1)");
                }
            }
            // ~1 first: "~01" is the key "~1", not "/"
            tokens.set(t, raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static MalformedSnapshotException bad(int index, String reason) {
        return new MalformedSnapshotException("state delta op " + index + ": " + reason);
    }

    private static Map<String, Object> mutable(JsonObject o) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            m.put(e.getKey(), mutable(e.getValue()));
        }
        return m;
    }

    private static Object mutable(JsonValue v) {
        switch (v.getValueType()) {
            case OBJECT:
                return mutable((JsonObject) v);
            case ARRAY: {
                JsonArray a = (JsonArray) v;
                List<Object> l = new ArrayList<>(a.size());
                for (JsonValue x : a) {
                    l.add(mutable(x));
                }
                return l;
            }
            default:
                return v;
        }
    }

    private static JsonValue immutable(Object o) {
        if (o instanceof Map<?, ?> map) {
            JsonObjectBuilder b = P.createObjectBuilder();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.add((String) e.getKey(), immutable(e.getValue()));
            }
            return b.build();
        }
        if (o instanceof List<?> list) {
            JsonArrayBuilder b = P.createArrayBuilder();
            for (Object x : list) {
                b.add(immutable(x));
            }
            return b.build();
        }
        return (JsonValue) o;
    }
}
