package io.diffyne.state;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Conversions of single JSON values to scalar Java types; the rules are documented on {@link ValueCoercer}. */
final class Scalars {

    /** A JSON number written as a string, e.g. an {@code <input type=number>} value; exponent kept small. */
    private static final Pattern NUMERIC = Pattern.compile("-?\\d{1,400}(\\.\\d{1,400})?([eE][+-]?\\d{1,4})?");

    private static final Map<Class<?>, TimeParser> TIME = Map.of(
            LocalDate.class, new TimeParser(LocalDate::parse, "an ISO-8601 date such as 2024-05-31"),
            LocalDateTime.class, new TimeParser(LocalDateTime::parse, "an ISO-8601 date-time such as 2024-05-31T14:30"),
            LocalTime.class, new TimeParser(LocalTime::parse, "an ISO-8601 time such as 14:30"),
            Instant.class, new TimeParser(Instant::parse, "an ISO-8601 instant such as 2024-05-31T12:30:00Z"),
            OffsetDateTime.class, new TimeParser(OffsetDateTime::parse,
                    "an ISO-8601 date-time with offset such as 2024-05-31T14:30+02:00"),
            ZonedDateTime.class, new TimeParser(ZonedDateTime::parse,
                    "an ISO-8601 date-time with zone such as 2024-05-31T14:30+02:00[Europe/Paris]"),
            Duration.class, new TimeParser(Duration::parse, "an ISO-8601 duration such as PT1H30M"),
            UUID.class, new TimeParser(UUID::fromString, "a UUID"));

    private record TimeParser(Function<String, Object> parse, String expected) {
    }

    private Scalars() {
    }

    /** Whether {@link #convert} handles this (non-primitive) class. */
    static boolean handles(Class<?> c) {
        return c == String.class || c == Integer.class || c == Long.class || c == Boolean.class
                || c == Double.class || c == Float.class || c == Short.class || c == Byte.class
                || c == Character.class || c == BigDecimal.class || c == BigInteger.class || c.isEnum()
                || TIME.containsKey(c);
    }

    /** Converts a non-null JSON value to a boxed scalar or other {@link #handles handled} class. */
    static Object convert(JsonValue v, Class<?> c, ValuePath path, boolean primitive) {
        if (c == String.class) {
            return string(v, c, path);
        }
        if (c == Integer.class) {
            Long l = integral(v, c, path, primitive, Integer.MIN_VALUE, Integer.MAX_VALUE);
            return l == null ? null : (Object) l.intValue();
        }
        if (c == Long.class) {
            return integral(v, c, path, primitive, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (c == Boolean.class) {
            return bool(v, c, path);
        }
        if (c == Double.class) {
            BigDecimal d = decimal(v, c, path, primitive);
            return d == null ? null : (Object) finite(d.doubleValue(), c, path);
        }
        if (c == Float.class) {
            BigDecimal d = decimal(v, c, path, primitive);
            return d == null ? null : (Object) (float) finite(d.floatValue(), c, path);
        }
        if (c == Short.class) {
            Long l = integral(v, c, path, primitive, Short.MIN_VALUE, Short.MAX_VALUE);
            return l == null ? null : (Object) l.shortValue();
        }
        if (c == Byte.class) {
            Long l = integral(v, c, path, primitive, Byte.MIN_VALUE, Byte.MAX_VALUE);
            return l == null ? null : (Object) l.byteValue();
        }
        if (c == Character.class) {
            String s = string(v, c, path);
            if (s.length() != 1) {
                throw new CoercionException(path.render(), c, "expected a single character");
            }
            return s.charAt(0);
        }
        if (c == BigDecimal.class) {
            return decimal(v, c, path, false);
        }
        if (c == BigInteger.class) {
            BigDecimal d = decimal(v, c, path, false);
            return d == null ? null : integer(d, c, path);
        }
        if (c.isEnum()) {
            return enumConstant(v, c, path);
        }
        TimeParser time = TIME.get(c);
        String s = string(v, c, path);
        try {
            return time.parse().apply(s);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new CoercionException(path.render(), c, "expected " + time.expected(), e);
        }
    }

    private static String string(JsonValue v, Class<?> c, ValuePath path) {
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new CoercionException(path.render(), c, "expected a string, got " + CanonicalJson.kind(v));
        }
        return ((JsonString) v).getString();
    }

    private static Boolean bool(JsonValue v, Class<?> c, ValuePath path) {
        switch (v.getValueType()) {
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case STRING:
                String s = ((JsonString) v).getString();
                if (s.equals("true")) {
                    return Boolean.TRUE;
                }
                if (s.equals("false")) {
                    return Boolean.FALSE;
                }
                break;
            default:
                break;
        }
        throw new CoercionException(path.render(), c, "expected true or false, got " + CanonicalJson.kind(v));
    }

    /** A number, or a string spelling one (form fields send strings); {@code ""} is null for non-primitives. */
    private static BigDecimal decimal(JsonValue v, Class<?> c, ValuePath path, boolean primitive) {
        if (v.getValueType() == JsonValue.ValueType.NUMBER) {
            return WholeNumbers.decimal((JsonNumber) v);
        }
        if (v.getValueType() == JsonValue.ValueType.STRING) {
            String s = ((JsonString) v).getString();
            if (s.isEmpty() && !primitive) {
                return null;
            }
            if (NUMERIC.matcher(s).matches()) {
                return new BigDecimal(s);
            }
            throw new CoercionException(path.render(), c, "expected a number, got a string that is not one");
        }
        throw new CoercionException(path.render(), c, "expected a number, got " + CanonicalJson.kind(v));
    }

    private static Long integral(JsonValue v, Class<?> c, ValuePath path, boolean primitive, long min, long max) {
        BigDecimal d = decimal(v, c, path, primitive);
        if (d == null) {
            return null;
        }
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw new CoercionException(path.render(), c, "expected an integer, got a fraction");
        }
        if (stripped.compareTo(BigDecimal.valueOf(min)) < 0 || stripped.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new CoercionException(path.render(), c,
                    "expected an integer between " + min + " and " + max + ", got " + rough(d));
        }
        return stripped.longValueExact();
    }

    private static BigInteger integer(BigDecimal d, Class<?> c, ValuePath path) {
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw new CoercionException(path.render(), c, "expected an integer, got a fraction");
        }
        if (stripped.precision() - stripped.scale() > 400) {
            throw new CoercionException(path.render(), c, "integer too large");
        }
        return stripped.toBigIntegerExact();
    }

    private static double finite(double d, Class<?> c, ValuePath path) {
        if (Double.isInfinite(d)) {
            throw new CoercionException(path.render(), c, "number out of range");
        }
        return d;
    }

    /** A short rendering of an out-of-range number; never its full (possibly huge) text. */
    private static String rough(BigDecimal d) {
        String plain = d.precision() - d.scale() <= 24 ? d.stripTrailingZeros().toPlainString() : d.toString();
        return plain.length() <= 32 ? plain : plain.substring(0, 32) + "…";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(JsonValue v, Class<?> c, ValuePath path) {
        String name = string(v, c, path);
        for (Object constant : c.getEnumConstants()) {
            if (((Enum) constant).name().equals(name)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (Object constant : c.getEnumConstants()) {
            if (allowed.length() > 200) {
                allowed.append(", …");
                break;
            }
            allowed.append(allowed.length() == 0 ? "" : ", ").append(((Enum) constant).name());
        }
        throw new CoercionException(path.render(), c, "expected one of " + allowed);
    }
}
