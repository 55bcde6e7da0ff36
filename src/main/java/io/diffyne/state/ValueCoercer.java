package io.diffyne.state;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Converts JSON values from the client (snapshot state, method parameters, property updates) to Java values of a
 * declared type. Thread-safe, stateless. Every failure is a {@link CoercionException} naming the target type and the
 * path inside the value ({@code items[3].qty}).
 *
 * <p>Rules:
 * <ul>
 * <li><b>null</b> (JSON null or a missing value) becomes {@code null}, {@code Optional.empty()} for {@code Optional};
 *     into a primitive it is an error.</li>
 * <li><b>Numbers</b> ({@code int long short byte double float} and boxes, {@code BigDecimal}, {@code BigInteger}):
 *     a JSON number, or a <em>string spelling a number</em> ({@code "12"}) because form inputs send strings. Integral
 *     targets take integral values only ({@code 3.0} is 3, {@code 3.5} is an error) within the type's range ({@code
 *     300} into a {@code byte} is an error). An empty string is {@code null} for a box and an error for a primitive.
 *     </li>
 * <li><b>boolean</b>: {@code true}/{@code false}, or the strings {@code "true"}/{@code "false"} (checkbox values).
 *     </li>
 * <li><b>String</b>: a JSON string only (no silent number-to-text). <b>char</b>: a one-character string.
 *     <b>Enums</b>: the constant's exact name. <b>java.time</b> ({@code LocalDate LocalDateTime LocalTime Instant
 *     OffsetDateTime ZonedDateTime Duration}) and {@code UUID}: their ISO/standard string form.</li>
 * <li><b>Arrays, {@code List}, {@code Set}, {@code Collection}</b>: a JSON array, elements converted to the generic
 *     element type. Interfaces get mutable {@code ArrayList}, {@code LinkedHashSet}, {@code TreeSet} (sorted);
 *     concrete collection classes are instantiated by their no-argument constructor.</li>
 * <li><b>{@code Map}</b>: a JSON object; keys converted from their string to the key type (String, enum, numbers…),
 *     values to the value type; {@code LinkedHashMap} or {@code TreeMap} (sorted).</li>
 * <li><b>Records</b>: a JSON object with the component names; a missing component is null; an unknown member is an
 *     error. Records with JSON-B annotations, and other classes (POJOs), go through JSON-B.</li>
 * <li><b>{@code Object}</b> (and {@code Number} for numbers): the natural Java form: {@code String}, {@code Boolean}, {@code Integer} / {@code Long}
 *     / {@code BigDecimal}, {@code ArrayList}, {@code LinkedHashMap}, {@code null}.</li>
 * <li><b>JSON-P types</b> ({@code JsonValue}, {@code JsonObject}…): the value itself, type-checked.</li>
 * <li><b>{@code TemporaryUpload}</b>: never here (only null); the runtime resolves an upload property's id itself.</li>
 * </ul>
 */
public final class ValueCoercer {

    /** Beyond the parser's depth limit: only a value built in Java could be this deep. */
    private static final int MAX_DEPTH = 128;

    private ValueCoercer() {
    }

    /** Converts {@code value} ({@code null} counts as JSON null) to {@code target}. */
    public static Object coerce(JsonValue value, Type target) {
        return convert(value, target, ValuePath.root(""));
    }

    /** As {@link #coerce(JsonValue, Type)}, error paths starting with {@code path} (a field or parameter name). */
    public static Object coerce(JsonValue value, Type target, String path) {
        return convert(value, target, ValuePath.root(path));
    }

    /** Typed convenience: {@code coerce(v, int.class)} returns an {@code Integer}. */
    @SuppressWarnings("unchecked")
    public static <T> T coerce(JsonValue value, Class<T> target) {
        return (T) convert(value, target, ValuePath.root(""));
    }

    static Object convert(JsonValue value, Type target, ValuePath path) {
        if (path.depth > MAX_DEPTH) {
            throw new CoercionException(path.render(), target, "value nested too deeply");
        }
        JsonValue v = value == null ? JsonValue.NULL : value;
        if (target instanceof Class<?> c) {
            return convertClass(v, c, path);
        }
        if (target instanceof ParameterizedType p) {
            return convertParameterized(v, p, path);
        }
        if (target instanceof GenericArrayType g) {
            return array(v, g, g.getGenericComponentType(), path);
        }
        if (target instanceof WildcardType w) {
            return convert(v, w.getUpperBounds()[0], path);
        }
        if (target instanceof TypeVariable<?> t) {
            return convert(v, t.getBounds()[0], path);
        }
        throw new CoercionException(path.render(), target, "unsupported target type");
    }

    private static Object convertClass(JsonValue v, Class<?> c, ValuePath path) {
        boolean isNull = v.getValueType() == JsonValue.ValueType.NULL;
        if (c.isPrimitive()) {
            if (isNull) {
                throw new CoercionException(path.render(), c, "null is not allowed here");
            }
            try {
                return Scalars.convert(v, box(c), path, true);
            } catch (CoercionException e) {
                // report the declared primitive, not the box used to convert
                throw new CoercionException(e.path(), c, e.reason(), e.getCause());
            }
        }
        if (JsonValue.class.isAssignableFrom(c)) {
            return jsonValue(v, c, path);
        }
        if (isNull) {
            return c == Optional.class ? Optional.empty() : null;
        }
        if (c == io.diffyne.component.TemporaryUpload.class) {
            // only the runtime turns an id into an upload, after checking whose it is (StateHydrator.FieldReader)
            throw new CoercionException(path.render(), c, "an upload is set by its id on a TemporaryUpload property"
                    + " of the component, never inside another value");
        }
        if (c == Object.class) {
            return natural(v, path);
        }
        if (c == Number.class) {
            if (v.getValueType() != JsonValue.ValueType.NUMBER) {
                throw new CoercionException(path.render(), c, "expected a number, got " + CanonicalJson.kind(v));
            }
            return naturalNumber(WholeNumbers.decimal((JsonNumber) v));
        }
        if (Scalars.handles(c)) {
            return Scalars.convert(v, c, path, false);
        }
        if (c.isArray()) {
            return array(v, c, c.getComponentType(), path);
        }
        if (Collection.class.isAssignableFrom(c)) {
            return collection(v, c, c, Object.class, path);
        }
        if (Map.class.isAssignableFrom(c)) {
            return map(v, c, c, String.class, Object.class, path);
        }
        if (c == Optional.class) {
            return Optional.ofNullable(natural(v, path));
        }
        if (c.isRecord()) {
            RecordShape shape = RecordShape.of(c);
            if (shape != null) {
                return record(v, c, shape, path);
            }
        }
        return viaJsonb(v, c, c, path);
    }

    private static Object convertParameterized(JsonValue v, ParameterizedType p, ValuePath path) {
        Class<?> raw = (Class<?>) p.getRawType();
        Type[] args = p.getActualTypeArguments();
        if (v.getValueType() == JsonValue.ValueType.NULL) {
            return raw == Optional.class ? Optional.empty() : null;
        }
        if (raw == Optional.class) {
            return Optional.ofNullable(convert(v, args[0], path));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return collection(v, p, raw, args[0], path);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return map(v, p, raw, args[0], args[1], path);
        }
        if (Scalars.handles(raw) || JsonValue.class.isAssignableFrom(raw)) {
            return convertClass(v, raw, path);
        }
        return viaJsonb(v, p, raw, path);
    }

    private static Object array(JsonValue v, Type target, Type elementType, ValuePath path) {
        if (v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        JsonArray json = requireArray(v, target, path);
        Class<?> raw = rawClass(elementType);
        Object array = Array.newInstance(raw, json.size());
        for (int i = 0; i < json.size(); i++) {
            Array.set(array, i, convert(json.get(i), elementType, path.index(i)));
        }
        return array;
    }

    @SuppressWarnings("unchecked")
    private static Object collection(JsonValue v, Type target, Class<?> raw, Type elementType, ValuePath path) {
        JsonArray json = requireArray(v, target, path);
        Collection<Object> out = (Collection<Object>) newContainer(raw, target, path, json.size());
        for (int i = 0; i < json.size(); i++) {
            out.add(convert(json.get(i), elementType, path.index(i)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object map(JsonValue v, Type target, Class<?> raw, Type keyType, Type valueType, ValuePath path) {
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new CoercionException(path.render(), target, "expected an object, got " + CanonicalJson.kind(v));
        }
        JsonObject json = (JsonObject) v;
        Map<Object, Object> out = (Map<Object, Object>) newContainer(raw, target, path, json.size());
        for (Map.Entry<String, JsonValue> e : json.entrySet()) {
            ValuePath at = path.key(e.getKey());
            Object key = keyType == String.class || keyType == Object.class ? e.getKey()
                    : convert(JsonSupport.PROVIDER.createValue(e.getKey()), keyType, at);
            if (key == null) {
                throw new CoercionException(at.render(), keyType, "map key must not be empty");
            }
            out.put(key, convert(e.getValue(), valueType, at));
        }
        return out;
    }

    private static Object newContainer(Class<?> raw, Type target, ValuePath path, int size) {
        if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
            if (raw.isAssignableFrom(ArrayList.class)) {
                return new ArrayList<>(size);
            }
            if (raw.isAssignableFrom(LinkedHashSet.class)) {
                return new LinkedHashSet<>();
            }
            if (raw == SortedSet.class || raw == NavigableSet.class) {
                return new TreeSet<>();
            }
            if (raw.isAssignableFrom(LinkedHashMap.class)) {
                return new LinkedHashMap<>();
            }
            if (raw == SortedMap.class || raw == NavigableMap.class) {
                return new TreeMap<>();
            }
            throw new CoercionException(path.render(), target, "unsupported collection type");
        }
        try {
            return raw.getConstructor().newInstance();
        } catch (ReflectiveOperationException | SecurityException e) {
            throw new CoercionException(path.render(), target, "unsupported collection type", e);
        }
    }

    private static Object record(JsonValue v, Class<?> c, RecordShape shape, ValuePath path) {
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new CoercionException(path.render(), c, "expected an object, got " + CanonicalJson.kind(v));
        }
        JsonObject json = (JsonObject) v;
        for (String key : json.keySet()) {
            if (!shape.index.containsKey(key)) {
                throw new CoercionException(path.key(key).render(), c, "unknown property");
            }
        }
        Object[] args = new Object[shape.names.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = convert(json.get(shape.names[i]), shape.types[i], path.key(shape.names[i]));
        }
        try {
            return shape.constructor.invoke(args);
        } catch (RuntimeException e) {
            // the record's own validation (compact constructor) refused the values
            throw new CoercionException(path.render(), c, "value rejected: " + e.getMessage(), e);
        } catch (Throwable t) {
            throw new CoercionException(path.render(), c, "value rejected", t);
        }
    }

    private static Object viaJsonb(JsonValue v, Type target, Class<?> raw, ValuePath path) {
        if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
            throw new CoercionException(path.render(), target, "unsupported target type (interface or abstract)");
        }
        try {
            return JsonSupport.jsonb().fromJson(CanonicalJson.write(v), target);
        } catch (RuntimeException e) {
            // JSON-B messages name internal classes and echo input: keep them for the log (cause) only
            throw new CoercionException(path.render(), target, "value does not match the expected "
                    + (v.getValueType() == JsonValue.ValueType.OBJECT ? "object" : "type"), e);
        }
    }

    private static Object jsonValue(JsonValue v, Class<?> c, ValuePath path) {
        if (c.isInstance(v)) {
            return v;
        }
        if (c == JsonValue.class) {
            return v;
        }
        throw new CoercionException(path.render(), c, "expected " + expectedJson(c) + ", got " + CanonicalJson.kind(v));
    }

    private static String expectedJson(Class<?> c) {
        if (c == JsonObject.class) {
            return "an object";
        }
        if (c == JsonArray.class) {
            return "an array";
        }
        if (c == JsonString.class) {
            return "a string";
        }
        if (c == JsonNumber.class) {
            return "a number";
        }
        return "another JSON value";
    }

    /** JSON → plain Java collections and scalars, for {@code Object} and raw types. */
    static Object natural(JsonValue v, ValuePath path) {
        if (path.depth > MAX_DEPTH) {
            throw new CoercionException(path.render(), Object.class, "value nested too deeply");
        }
        switch (v.getValueType()) {
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonValue> e : ((JsonObject) v).entrySet()) {
                    map.put(e.getKey(), natural(e.getValue(), path.key(e.getKey())));
                }
                return map;
            }
            case ARRAY: {
                JsonArray a = (JsonArray) v;
                List<Object> list = new ArrayList<>(a.size());
                for (int i = 0; i < a.size(); i++) {
                    list.add(natural(a.get(i), path.index(i)));
                }
                return list;
            }
            case STRING:
                return ((JsonString) v).getString();
            case NUMBER:
                return naturalNumber(WholeNumbers.decimal((JsonNumber) v));
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static Object naturalNumber(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0 && s.precision() - s.scale() <= 19) {
            try {
                long l = s.longValueExact();
                return l == (int) l ? (Object) (int) l : (Object) l;
            } catch (ArithmeticException e) {
                // beyond long: stays BigDecimal
            }
        }
        return d;
    }

    private static JsonArray requireArray(JsonValue v, Type target, ValuePath path) {
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new CoercionException(path.render(), target, "expected an array, got " + CanonicalJson.kind(v));
        }
        return (JsonArray) v;
    }

    static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (t instanceof GenericArrayType g) {
            return Array.newInstance(rawClass(g.getGenericComponentType()), 0).getClass();
        }
        if (t instanceof WildcardType w) {
            return rawClass(w.getUpperBounds()[0]);
        }
        if (t instanceof TypeVariable<?> v) {
            return rawClass(v.getBounds()[0]);
        }
        return Object.class;
    }

    static Class<?> box(Class<?> primitive) {
        if (primitive == int.class) {
            return Integer.class;
        }
        if (primitive == long.class) {
            return Long.class;
        }
        if (primitive == boolean.class) {
            return Boolean.class;
        }
        if (primitive == double.class) {
            return Double.class;
        }
        if (primitive == float.class) {
            return Float.class;
        }
        if (primitive == short.class) {
            return Short.class;
        }
        if (primitive == byte.class) {
            return Byte.class;
        }
        if (primitive == char.class) {
            return Character.class;
        }
        throw new IllegalArgumentException("not a value primitive: " + primitive);
    }
}
