package io.diffyne.state;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The canonical JSON text that snapshots are signed over (protocol.md section 2), and a bounded parser for JSON from
 * the network.
 *
 * <p>Canonical form: object keys sorted by UTF-16 code units ({@link String#compareTo}), no whitespace, strings with
 * only {@code "}, {@code \} and control characters escaped ({@code \b \f \n \r \t}, others as lower-case
 * {@code \}{@code u00XX}), numbers as {@code BigDecimal.stripTrailingZeros().toPlainString()} so {@code 1}, {@code 1.0},
 * {@code 1e0} and {@code 10e-1} are all {@code 1}, {@code -0} is {@code 0}. A number whose scale after stripping is
 * beyond ±1000 is refused (its plain form would be huge), as is a non-finite number.
 *
 * <pre>{@code {"b":[1, 2.50, -0], "a":"x\u0001"}  ->  {"a":"x\u0001","b":[1,2.5,0]}}</pre>
 */
public final class CanonicalJson {

    /** Largest accepted |scale| of a stripped number; {@code 1e1000} and {@code 1e-1000} still pass. */
    public static final int MAX_SCALE = 1000;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** The canonical text of {@code value}. */
    public static String write(JsonValue value) {
        StringBuilder out = new StringBuilder(64);
        write(value, out);
        return out.toString();
    }

    /** Appends the canonical text of {@code value} to {@code out}. */
    public static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> writeObject((JsonObject) value, out);
            case ARRAY -> writeArray((JsonArray) value, out);
            case STRING -> writeString(((JsonString) value).getString(), out);
            case NUMBER -> out.append(number((JsonNumber) value));
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case NULL -> out.append("null");
        }
    }

    /** Parses network input with {@link JsonLimits#DEFAULT}. */
    public static JsonValue parse(String json) {
        return parse(json, JsonLimits.DEFAULT);
    }

    /**
     * Parses untrusted JSON strictly (RFC 8259, no duplicate keys, no trailing content) within {@code limits}.
     *
     * @throws MalformedJsonException naming the offset and the reason
     */
    public static JsonValue parse(String json, JsonLimits limits) {
        return new BoundedJsonParser(json, limits).parseDocument();
    }

    /** Parses untrusted JSON that must be an object. */
    public static JsonObject parseObject(String json) {
        JsonValue v = parse(json);
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedJsonException("expected a JSON object, got " + kind(v), -1);
        }
        return (JsonObject) v;
    }

    /** The canonical text of a number, e.g. {@code 1E+2 -> 100}, {@code 0.10 -> 0.1}, {@code -0.0 -> 0}. */
    public static String number(JsonNumber n) {
        if (WholeNumbers.fitsLong(n)) {
            return Long.toString(n.longValueExact());
        }
        BigDecimal d;
        try {
            d = n.bigDecimalValue();
        } catch (NumberFormatException e) {
            throw new MalformedJsonException("number is not finite", -1);
        }
        return number(d);
    }

    static String number(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.signum() == 0) {
            return "0";
        }
        if (Math.abs((long) stripped.scale()) > MAX_SCALE) {
            throw new MalformedJsonException("number exponent beyond ±" + MAX_SCALE, -1);
        }
        return stripped.toPlainString();
    }

    /** "an object", "an array", "a string", …: for messages that say what was sent instead. */
    public static String kind(JsonValue v) {
        return switch (v.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static void writeObject(JsonObject object, StringBuilder out) {
        String[] keys = object.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        out.append('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(keys[i], out);
            out.append(':');
            write(object.get(keys[i]), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonArray array, StringBuilder out) {
        out.append('[');
        for (int i = 0, n = array.size(); i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            write(array.get(i), out);
        }
        out.append(']');
    }

    /**
     * Appends a JSON string literal escaped minimally (protocol.md section 2): {@code "} and {@code \\}, control
     * characters as {@code \\b \\f \\n \\r \\t} or a lower-case {@code \\u00XX}. An unpaired surrogate is
     * written as its {@code \\uXXXX} escape: raw, it would turn into {@code ?} once encoded as UTF-8. The one string
     * writer for canonical JSON and for responses.
     */
    public static void writeString(String s, StringBuilder out) {
        out.append('"');
        int start = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a well-formed pair stays as it is
                continue;
            }
            out.append(s, start, i);
            start = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                        .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, start, s.length()).append('"');
    }
}
