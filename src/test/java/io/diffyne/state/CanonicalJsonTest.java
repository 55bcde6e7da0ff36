package io.diffyne.state;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CanonicalJsonTest {

    private static String canon(String json) {
        return CanonicalJson.write(CanonicalJson.parse(json));
    }

    @Test
    void keyOrderDoesNotMatter() {
        String expected = "{\"a\":{\"c\":3,\"d\":[2,{\"x\":1,\"y\":2}]},\"b\":true}";
        assertEquals(expected, canon("{\"b\":true,\"a\":{\"d\":[2,{\"y\":2,\"x\":1}],\"c\":3}}"));
        assertEquals(expected, canon(" { \"a\" : { \"c\" : 3 , \"d\" : [ 2 , { \"x\" : 1 , \"y\" : 2 } ] } ,\n\t\"b\":true}"));
    }

    @Test
    void keysSortByUtf16CodeUnitsNotCodePoints() {
        // U+1F600 is the surrogate pair D83D DE00: before U+FF5E in UTF-16 order, after it in code point order
        String json = "{\"\uFF5E\":4,\"\uD83D\uDE00\":3,\"\u00E9\":2,\"z\":1,\"Z\":0}";
        assertEquals("{\"Z\":0,\"z\":1,\"\u00E9\":2,\"\uD83D\uDE00\":3,\"\uFF5E\":4}", canon(json));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1|1", "1.0|1", "1e2|100", "1E2|100", "0.10|0.1", "-0|0", "-0.0|0", "0e5|0", "1E+21|1000000000000000000000",
            "1.5e-3|0.0015", "-12.500|-12.5", "100|100", "123456789012345678901234567890|123456789012345678901234567890",
            "9007199254740993|9007199254740993", "1e-7|0.0000001", "10e-1|1"})
    void numbersAreShortestPlainDecimals(String in, String out) {
        assertEquals(out, canon(in));
        assertEquals("[" + out + "]", canon("[" + in + "]"));
    }

    @Test
    void numbersFromJavaValuesAreCanonicalToo() {
        assertEquals("[100,0.1,0,3]", CanonicalJson.write(Json.createArrayBuilder()
                .add(new BigDecimal("1E+2")).add(0.1).add(-0.0).add(BigInteger.valueOf(3)).build()));
    }

    @Test
    void exponentsBeyondAThousandAreRefused() {
        assertEquals("1" + "0".repeat(1000), canon("1e1000"));
        assertEquals("0." + "0".repeat(999) + "1", canon("1e-1000"));
        MalformedJsonException big = assertThrows(MalformedJsonException.class, () -> canon("1e1001"));
        assertEquals("Malformed JSON at offset 0: number exponent beyond ±1000", big.getMessage());
        assertThrows(MalformedJsonException.class, () -> canon("[1e-1001]"));
        MalformedJsonException huge = assertThrows(MalformedJsonException.class, () -> canon("[1e999999999999]"));
        assertEquals("Malformed JSON at offset 1: number exponent too large", huge.getMessage());
        assertThrows(MalformedJsonException.class,
                () -> CanonicalJson.write(Json.createValue(new BigDecimal("1E+2000"))));
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        JsonNumber nan = new JsonNumber() {
            @Override public boolean isIntegral() { return false; }
            @Override public int intValue() { return 0; }
            @Override public int intValueExact() { return 0; }
            @Override public long longValue() { return 0; }
            @Override public long longValueExact() { return 0; }
            @Override public BigInteger bigIntegerValue() { return BigInteger.ZERO; }
            @Override public BigInteger bigIntegerValueExact() { return BigInteger.ZERO; }
            @Override public double doubleValue() { return Double.NaN; }
            @Override public BigDecimal bigDecimalValue() { return new BigDecimal(Double.NaN); }
            @Override public ValueType getValueType() { return ValueType.NUMBER; }
        };
        MalformedJsonException e = assertThrows(MalformedJsonException.class,
                () -> CanonicalJson.write(Json.createArrayBuilder().add(nan).build()));
        assertEquals("Malformed JSON: number is not finite", e.getMessage());
        assertThrows(MalformedJsonException.class, () -> canon("NaN"));
        assertThrows(MalformedJsonException.class, () -> canon("Infinity"));
        assertThrows(MalformedJsonException.class, () -> canon("-Infinity"));
    }

    @Test
    void stringsAreEscapedMinimally() {
        String in = "[\"q\\\"b\\\\s\\/ \\u0001\\u001F\\b\\f\\n\\r\\t\\u007f \\u00e9\\u2028 \\ud83d\\ude00 <&>\"]";
        assertEquals("[\"q\\\"b\\\\s/ \\u0001\\u001f\\b\\f\\n\\r\\t\u007f \u00e9\u2028 \uD83D\uDE00 <&>\"]", canon(in));
    }

    @Test
    void unicodeIsWrittenRaw() {
        assertEquals("{\"名前\":\"Ada Lovelace \uD83D\uDCBB\"}", canon("{\"名前\":\"Ada Lovelace \uD83D\uDCBB\"}"));
    }

    @Test
    void literalsAndEmptyContainers() {
        assertEquals("[true,false,null,{},[],\"\"]", canon("[ true , false , null , { } , [ ] , \"\" ]"));
        assertEquals("\"x\"", canon("\"x\""));
        assertEquals("null", CanonicalJson.write(JsonValue.NULL));
    }

    @Test
    void pairedSurrogatesStayRawAndLoneOnesAreEscaped() {
        StringBuilder out = new StringBuilder();
        CanonicalJson.writeString("a\uD83D\uDE00b\uD83Dc\uDE00\u0001\"", out);
        assertEquals("\"a\uD83D\uDE00b\\ud83dc\\ude00\\u0001\\\"\"", out.toString());
    }
}
