package io.diffyne.state;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * A strict recursive-descent JSON parser for hostile input: bounded depth, string, number, member and input sizes
 * ({@link JsonLimits}); duplicate object keys refused (two readers could disagree on which one counts); numbers checked before {@link BigDecimal}
 * sees them, so {@code 1e999999999} costs nothing. One instance per document, not thread-safe.
 */
final class BoundedJsonParser {

    private static final JsonProvider P = JsonSupport.PROVIDER;

    private final String in;
    private final JsonLimits limits;
    private int pos;
    private int depth;

    BoundedJsonParser(String in, JsonLimits limits) {
        if (in == null) {
            throw new MalformedJsonException("no input", -1);
        }
        if (in.length() > limits.maxInputLength()) {
            throw new MalformedJsonException("input longer than " + limits.maxInputLength() + " characters", -1);
        }
        this.in = in;
        this.limits = limits;
    }

    JsonValue parseDocument() {
        skipWhitespace();
        JsonValue v = value();
        skipWhitespace();
        if (pos != in.length()) {
            throw fail("unexpected content after the JSON value");
        }
        return v;
    }

    private JsonValue value() {
        if (pos >= in.length()) {
            throw fail("unexpected end of input");
        }
        char c = in.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> P.createValue(string());
            case 't' -> literal("true", JsonValue.TRUE);
            case 'f' -> literal("false", JsonValue.FALSE);
            case 'n' -> literal("null", JsonValue.NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield P.createValue(number());
                }
                throw fail("unexpected character " + describe(c));
            }
        };
    }

    private JsonValue object() {
        enter();
        pos++;
        JsonObjectBuilder b = P.createObjectBuilder();
        Set<String> keys = new HashSet<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return b.build();
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw fail("expected a string as object key");
            }
            int keyAt = pos;
            String key = string();
            if (!keys.add(key)) {
                pos = keyAt;
                throw fail("duplicate object key");
            }
            count(keys.size(), keyAt, "members in an object");
            skipWhitespace();
            expect(':', "expected ':' after object key");
            skipWhitespace();
            b.add(key, value());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                depth--;
                return b.build();
            }
            if (c != ',') {
                pos--;
                throw fail("expected ',' or '}' in object");
            }
        }
    }

    private JsonValue array() {
        enter();
        pos++;
        JsonArrayBuilder b = P.createArrayBuilder();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return b.build();
        }
        for (int n = 1; ; n++) {
            skipWhitespace();
            count(n, pos, "elements in an array");
            b.add(value());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return b.build();
            }
            if (c != ',') {
                pos--;
                throw fail("expected ',' or ']' in array");
            }
        }
    }

    private void count(int n, int at, String what) {
        if (n > limits.maxMembers()) {
            pos = at;
            throw fail("more than " + limits.maxMembers() + " " + what);
        }
    }

    private void enter() {
        if (++depth > limits.maxDepth()) {
            throw fail("nesting deeper than " + limits.maxDepth());
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= in.length()) {
                throw fail("unterminated string");
            }
            char c = in.charAt(pos);
            if (c == '"') {
                String s = sb == null ? in.substring(start, pos) : sb.append(in, start, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw fail("control character " + describe(c) + " must be escaped in a string");
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(in, start, pos);
                sb.append(escape());
                start = pos;
            } else {
                pos++;
            }
            int length = (sb == null ? 0 : sb.length()) + pos - start;
            if (length > limits.maxStringLength()) {
                throw fail("string longer than " + limits.maxStringLength() + " characters");
            }
        }
    }

    private char escape() {
        if (pos + 1 >= in.length()) {
            throw fail("unterminated escape");
        }
        char e = in.charAt(pos + 1);
        pos += 2;
        return switch (e) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                if (pos + 4 > in.length()) {
                    throw fail("truncated \\u escape");
                }
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(in.charAt(pos + i), 16);
                    if (d < 0) {
                        throw fail("bad hex digit in \\u escape");
                    }
                    v = v << 4 | d;
                }
                pos += 4;
                yield (char) v;
            }
            default -> {
                pos -= 2;
                throw fail("invalid escape \\" + describe(e));
            }
        };
    }

    private BigDecimal number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw fail("expected a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw fail("expected a digit after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            boolean negative = false;
            if (peek() == '+' || peek() == '-') {
                negative = peek() == '-';
                pos++;
            }
            int expStart = pos;
            if (!isDigit(peek())) {
                throw fail("expected a digit in exponent");
            }
            digits();
            // leading zeros do not change the value; more than 9 significant digits is beyond any sane exponent
            String exp = in.substring(expStart, pos).replaceFirst("^0+(?=.)", "");
            if (exp.length() > 9 || Integer.parseInt(exp) > 2 * CanonicalJson.MAX_SCALE + limits.maxNumberLength()) {
                pos = start;
                throw fail("number exponent too large" + (negative ? " (negative)" : ""));
            }
        }
        if (pos - start > limits.maxNumberLength()) {
            pos = start;
            throw fail("number longer than " + limits.maxNumberLength() + " characters");
        }
        BigDecimal d = new BigDecimal(in.substring(start, pos));
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.signum() != 0 && Math.abs((long) stripped.scale()) > CanonicalJson.MAX_SCALE) {
            pos = start;
            throw fail("number exponent beyond ±" + CanonicalJson.MAX_SCALE);
        }
        return d;
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private JsonValue literal(String word, JsonValue value) {
        if (!in.startsWith(word, pos)) {
            throw fail("unexpected character " + describe(in.charAt(pos)));
        }
        pos += word.length();
        return value;
    }

    private void expect(char c, String message) {
        if (peek() != c) {
            throw fail(message);
        }
        pos++;
    }

    private char peek() {
        return pos < in.length() ? in.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private MalformedJsonException fail(String reason) {
        return new MalformedJsonException(reason, pos);
    }
}
