package io.diffyne.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mutable JSON tree (maps, lists, strings, numbers, booleans, null) that the fuzzer can break in ways a JSON
 * library refuses to write: {@link Raw} text spliced in verbatim (huge numbers, duplicate keys), and strings with lone
 * surrogates, written as {@code \uD800} escapes or, for HTTP bodies, as the raw (invalid) code unit.
 */
final class FuzzJson {

    /** Text written as is. */
    record Raw(String text) {
    }

    /** One factory: {@code Json.createReader} looks the provider up again on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private FuzzJson() {
    }

    static Object parse(String json) {
        try (var reader = READERS.createReader(new StringReader(json))) {
            return from(reader.readValue());
        }
    }

    private static Object from(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((k, v) -> map.put(k, from(v)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonValue v : (JsonArray) value) {
                    list.add(from(v));
                }
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    /** Deep copy of a tree (Raw and leaves are immutable). */
    @SuppressWarnings("unchecked")
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }

    /** {@code escapeSurrogates}: lone surrogates as escapes (WebSocket text must be valid UTF-16), else raw. */
    static String write(Object value, boolean escapeSurrogates) {
        StringBuilder out = new StringBuilder();
        write(value, out, escapeSurrogates);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(Object value, StringBuilder out, boolean escape) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.text());
        } else if (value instanceof String s) {
            string(s, out, escape);
        } else if (value instanceof BigDecimal n) {
            out.append(n.toString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out, escape);
                out.append(':');
                write(e.getValue(), out, escape);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out, escape);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(value.getClass().getName());
        }
    }

    private static void string(String s, StringBuilder out, boolean escape) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (lone && escape)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** UTF-8, except that a lone surrogate becomes its 3-byte (invalid, CESU/WTF-8) form instead of '?'. */
    static byte[] wtf8(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                out.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
                start = i + 1;
            }
        }
        out.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
