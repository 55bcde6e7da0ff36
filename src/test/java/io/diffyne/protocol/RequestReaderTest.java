package io.diffyne.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class RequestReaderTest {

    private static final String REF = "\"ref\":{\"id\":\"q3Xv9Tz0bA1c\",\"version\":3,\"sig\":\"kQ2b\"}";

    private static ProtocolException refused(Runnable read) {
        ProtocolException e = assertThrows(ProtocolException.class, read::run);
        assertEquals(ErrorType.BAD_REQUEST, e.type());
        return e;
    }

    @Test
    void networkInputGoesThroughTheBoundedParser() {
        assertEquals("Malformed JSON at offset 13: number longer than 1100 characters",
                refused(() -> RequestReader.parse("{\"data\":{\"t\":" + "1".repeat(1500) + "}}")).getMessage());
        assertEquals("Malformed JSON at offset 64: nesting deeper than 64",
                refused(() -> RequestReader.parse("[".repeat(10_000) + "]".repeat(10_000))).getMessage());
        assertEquals("Malformed JSON at offset 9: duplicate object key",
                refused(() -> RequestReader.parse("{\"a\":1,  \"a\":2}")).getMessage());
        assertEquals("Malformed JSON: expected an object or an array, got a number",
                refused(() -> RequestReader.parse("12")).getMessage());
        assertEquals("Malformed JSON: no input", refused(() -> RequestReader.parse(null)).getMessage());
    }

    @Test
    void aRefusedActionCarriesItsRequestId() {
        JsonObject noMethod = (JsonObject) RequestReader.parse("{\"type\":\"call\",\"requestId\":\"r7\"," + REF + "}");
        ProtocolException e = refused(() -> RequestReader.read(noMethod));
        assertEquals("Missing 'method'", e.getMessage());
        assertEquals("r7", e.requestId());

        JsonObject badId = (JsonObject) RequestReader.parse("{\"type\":\"call\",\"requestId\":\"no spaces\"," + REF
                + ",\"method\":\"x\"}");
        assertNull(refused(() -> RequestReader.read(badId)).requestId(), "an invalid requestId is never echoed");
    }

    @Test
    void requestIdOfAcceptsOnlyValidIds() {
        assertEquals("r-1.a:b_c", RequestReader.requestIdOf(RequestReader.parse("{\"requestId\":\"r-1.a:b_c\"}")));
        assertNull(RequestReader.requestIdOf(RequestReader.parse("{\"requestId\":\"" + "x".repeat(65) + "\"}")));
        assertNull(RequestReader.requestIdOf(RequestReader.parse("{\"requestId\":7}")));
        assertNull(RequestReader.requestIdOf(RequestReader.parse("[{\"requestId\":\"r1\"}]")));
        assertNull(RequestReader.requestIdOf(null));
    }

    @Test
    void aBatchHoldsOneToFiftyObjects() {
        assertEquals(2, RequestReader.batch(RequestReader.parse("[{},{}]").asJsonArray()).size());
        assertEquals("A batch must hold 1 to 50 actions",
                refused(() -> RequestReader.batch(RequestReader.parse("[]").asJsonArray())).getMessage());
        assertEquals("A batch must hold 1 to 50 actions", refused(() -> RequestReader.batch(
                RequestReader.parse("[" + "{},".repeat(50) + "{}]").asJsonArray())).getMessage());
        assertEquals("Every action in a batch must be a JSON object",
                refused(() -> RequestReader.batch(RequestReader.parse("[{},1]").asJsonArray())).getMessage());
    }
}
