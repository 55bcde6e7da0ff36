package io.diffyne.state;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Component state → JSON. Scalars, {@code java.time}, collections, maps, arrays, {@code Optional} and records (without
 * JSON-B annotations) are written directly, in exactly the forms {@link ValueCoercer} reads back, and a
 * {@code TemporaryUpload} as its id; anything else (POJOs, annotated records) goes through the shared JSON-B
 * instance. Null values are kept as JSON null, so every state field is always present.
 *
 * <pre>{@code class Todo { public String draft; public List<Item> items; @State private int done; }
 *  -> {"draft":null,"items":[{"name":"milk","qty":2}],"done":0}}</pre>
 */
public final class StateSerializer {

    private static final JsonProvider P = JsonSupport.PROVIDER;
    /** Deeper than this is a cycle (a list containing itself) or a model that should not be state. */
    private static final int MAX_DEPTH = 64;

    private StateSerializer() {
    }

    /** The state of a component instance: one member per {@link StateFields state field}. */
    public static jakarta.json.JsonObject serialize(Object component) {
        JsonObjectBuilder b = P.createObjectBuilder();
        for (StateField f : StateFields.of(component.getClass()).all()) {
            Object value = f.get(component);
            try {
                b.add(f.name(), toJson(value, 0));
            } catch (StateException e) {
                throw new StateException("State field '" + f.name() + "' of " + component.getClass().getName()
                        + " cannot be serialized: " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /** Any Java value as JSON, by the same rules as state fields (for event data, parameters, query values). */
    public static JsonValue toJson(Object value) {
        return toJson(value, 0);
    }

    private static JsonValue toJson(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new StateException("value nested deeper than " + MAX_DEPTH + " (a cycle?)");
        }
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String s) {
            return P.createValue(s);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return P.createValue(((Number) value).longValue());
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Double || value instanceof Float) {
            return decimal((Number) value);
        }
        if (value instanceof BigDecimal d) {
            return P.createValue(d);
        }
        if (value instanceof BigInteger i) {
            return P.createValue(i);
        }
        if (value instanceof Character c) {
            return P.createValue(c.toString());
        }
        if (value instanceof Enum<?> e) {
            return P.createValue(e.name());
        }
        if (value instanceof JsonValue j) {
            return j;
        }
        if (value instanceof io.diffyne.component.TemporaryUpload upload) {
            return P.createValue(upload.id()); // the state holds the id; the runtime resolves it on hydration
        }
        if (value instanceof TemporalAccessor || value instanceof TemporalAmount || value instanceof UUID) {
            // java.time's toString() is the ISO form its parse() reads back
            return P.createValue(value.toString());
        }
        if (value instanceof Collection<?> c) {
            JsonArrayBuilder b = P.createArrayBuilder();
            for (Object o : c) {
                b.add(toJson(o, depth + 1));
            }
            return b.build();
        }
        if (value instanceof Map<?, ?> m) {
            JsonObjectBuilder b = P.createObjectBuilder();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.add(key(e.getKey()), toJson(e.getValue(), depth + 1));
            }
            return b.build();
        }
        if (value.getClass().isArray()) {
            JsonArrayBuilder b = P.createArrayBuilder();
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                b.add(toJson(Array.get(value, i), depth + 1));
            }
            return b.build();
        }
        if (value instanceof Optional<?> o) {
            return toJson(o.orElse(null), depth + 1);
        }
        if (value instanceof Record && !isJdkClass(value)) {
            RecordShape shape = RecordShape.of(value.getClass());
            if (shape != null) {
                return record(value, shape, depth);
            }
        }
        return viaJsonb(value);
    }

    private static boolean isJdkClass(Object value) {
        return value.getClass().getName().startsWith("java.");
    }

    private static JsonValue record(Object value, RecordShape shape, int depth) {
        JsonObjectBuilder b = P.createObjectBuilder();
        for (int i = 0; i < shape.names.length; i++) {
            Object component;
            try {
                component = (Object) shape.accessors[i].invokeExact(value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new StateException("cannot read record component " + shape.names[i], t);
            }
            b.add(shape.names[i], toJson(component, depth + 1));
        }
        return b.build();
    }

    private static JsonValue decimal(Number n) {
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new StateException("NaN and infinite numbers have no JSON form");
        }
        // Float.toString keeps 0.1f as 0.1 (a widening to double would print 0.10000000149011612)
        return P.createValue(new BigDecimal(n instanceof Float ? Float.toString(n.floatValue()) : Double.toString(d)));
    }

    private static String key(Object key) {
        if (key == null) {
            throw new StateException("a map key is null");
        }
        return key instanceof Enum<?> e ? e.name() : key.toString();
    }

    private static JsonValue viaJsonb(Object value) {
        String json;
        try {
            json = JsonSupport.jsonb().toJson(value);
        } catch (RuntimeException e) {
            throw new StateException("JSON-B cannot serialize a " + value.getClass().getName(), e);
        }
        try (var reader = P.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
