package io.diffyne.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BoundedJsonParserTest {

    private static String error(String json) {
        return assertThrows(MalformedJsonException.class, () -> CanonicalJson.parse(json)).getMessage();
    }

    @Test
    void depthIsLimitedTo64() {
        String ok = "[".repeat(64) + "]".repeat(64);
        assertEquals(ok, CanonicalJson.write(CanonicalJson.parse(ok)));
        assertEquals("Malformed JSON at offset 64: nesting deeper than 64",
                error("[".repeat(65) + "]".repeat(65)));
        // 32 levels of {"a": (5 characters each), then the 33rd '[' is the 65th level
        assertEquals("Malformed JSON at offset 192: nesting deeper than 64",
                error("{\"a\":".repeat(32) + "[".repeat(33)));
    }

    @Test
    void deepHostileInputFailsFastWithoutStackOverflow() {
        assertEquals("Malformed JSON at offset 64: nesting deeper than 64", error("[".repeat(1_000_000)));
    }

    @Test
    void sizesAreLimited() {
        JsonLimits small = new JsonLimits(8, 5, 20, 6, 100);
        assertEquals("\"abcde\"", CanonicalJson.write(CanonicalJson.parse("\"abcde\"", small)));
        MalformedJsonException s = assertThrows(MalformedJsonException.class,
                () -> CanonicalJson.parse("\"abcdef\"", small));
        assertEquals("Malformed JSON at offset 7: string longer than 5 characters", s.getMessage());
        MalformedJsonException escaped = assertThrows(MalformedJsonException.class,
                () -> CanonicalJson.parse("\"\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\"",
                        new JsonLimits(8, 5, 100, 6, 100)));
        assertEquals(37, escaped.offset());
        MalformedJsonException total = assertThrows(MalformedJsonException.class,
                () -> CanonicalJson.parse("[" + "1,".repeat(10) + "1]", small));
        assertEquals("Malformed JSON: input longer than 20 characters", total.getMessage());
        assertEquals(-1, total.offset());
        MalformedJsonException number = assertThrows(MalformedJsonException.class,
                () -> CanonicalJson.parse("[1234567]", small));
        assertEquals("Malformed JSON at offset 1: number longer than 6 characters", number.getMessage());
    }

    @Test
    void theDefaultLimitsAdmitJustUnderAndRefuseJustOver() {
        String digits = "9".repeat(1100);
        assertEquals("[" + digits + "]", CanonicalJson.write(CanonicalJson.parse("[" + digits + "]")));
        assertEquals("Malformed JSON at offset 1: number longer than 1100 characters", error("[" + digits + "9]"));
        assertEquals("Malformed JSON at offset 1: number longer than 1100 characters", error("[-" + digits + "]"));

        String string = "x".repeat(1 << 20);
        assertEquals(string, ((jakarta.json.JsonString) CanonicalJson.parse("\"" + string + "\"")).getString());
        assertEquals("Malformed JSON at offset 1048578: string longer than 1048576 characters",
                error("\"" + string + "x\""));

        String elements = "0,".repeat(9_999) + "0";
        assertEquals(10_000, ((jakarta.json.JsonArray) CanonicalJson.parse("[" + elements + "]")).size());
        assertEquals("Malformed JSON at offset 20001: more than 10000 elements in an array",
                error("[" + elements + ",0]"));
        StringBuilder members = new StringBuilder("{");
        for (int i = 0; i < 10_000; i++) {
            members.append(i == 0 ? "" : ",").append('"').append(i).append("\":0");
        }
        assertEquals(10_000, ((jakarta.json.JsonObject) CanonicalJson.parse(members + "}")).size());
        int at = members.length() + 1;
        assertEquals("Malformed JSON at offset " + at + ": more than 10000 members in an object",
                error(members + ",\"x\":0}"));
    }

    @Test
    void theInputLengthIsLimitedJustOver() {
        JsonLimits small = new JsonLimits(8, 100, 9, 6, 100);
        assertEquals("[1,2,3,4]", CanonicalJson.write(CanonicalJson.parse("[1,2,3,4]", small)));
        assertEquals("Malformed JSON: input longer than 9 characters",
                assertThrows(MalformedJsonException.class, () -> CanonicalJson.parse("[1,2,3,45]", small))
                        .getMessage());
    }

    @Test
    void duplicateKeysAreRefused() {
        assertEquals("Malformed JSON at offset 7: duplicate object key", error("{\"a\":1,\"a\":2}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``|0|unexpected end of input",
            "`[1,]`|3|unexpected character ']'",
            "`{\"a\":1,}`|7|expected a string as object key",
            "`{\"a\" 1}`|5|expected ':' after object key",
            "`[1 2]`|3|expected ',' or ']' in array",
            "`{\"a\":1 \"b\":2}`|7|expected ',' or '}' in object",
            "`01`|1|unexpected content after the JSON value",
            "`1.`|2|expected a digit after '.'",
            "`-`|1|expected a digit",
            "`1e`|2|expected a digit in exponent",
            "`+1`|0|unexpected character '+'",
            "`tru`|0|unexpected character 't'",
            "`'a'`|0|unexpected character '''",
            "`\"abc`|4|unterminated string",
            "`\"a\\x\"`|2|invalid escape \\'x'",
            "`\"\\u12g4\"`|3|bad hex digit in \\u escape",
            "`{\"a\":1}x`|7|unexpected content after the JSON value",
            "`[1]]`|3|unexpected content after the JSON value",
    })
    void malformedInputNamesOffsetAndReason(String json, int offset, String reason) {
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> CanonicalJson.parse(json));
        assertEquals(offset, e.offset());
        assertEquals("Malformed JSON at offset " + offset + ": " + reason, e.getMessage());
        assertEquals(e.getMessage(), e.clientMessage());
    }

    @Test
    void rawControlCharactersInStringsAreRefused() {
        assertEquals("Malformed JSON at offset 2: control character U+000A must be escaped in a string",
                error("\"a\nb\""));
    }

    @Test
    void nullInputIsRefused() {
        assertEquals("Malformed JSON: no input", error(null));
    }

    @Test
    void parseObjectRequiresAnObject() {
        assertEquals("Malformed JSON: expected a JSON object, got an array",
                assertThrows(MalformedJsonException.class, () -> CanonicalJson.parseObject("[]")).getMessage());
        assertEquals("{\"a\":1}", CanonicalJson.write(CanonicalJson.parseObject("{\"a\":1.0}")));
    }
}
