package io.diffyne.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared vectors of protocol v2 ({@code src/test/resources/protocol/v2-vectors.json}, also read by the client's
 * {@code protocol.test.js}): the server reads each request as the client sends it exactly as it reads the v1 body
 * it stands for, and writes each answer exactly as the vector says.
 */
class ProtocolV2VectorsTest {

    private static JsonObject vectors() throws IOException {
        try (InputStream in = ProtocolV2VectorsTest.class.getResourceAsStream("/protocol/v2-vectors.json")) {
            return Json.createReader(in).readObject();
        }
    }

    static Stream<JsonObject> requests() throws IOException {
        return vectors().getJsonArray("requests").stream().map(JsonValue::asJsonObject);
    }

    static Stream<JsonObject> answers() throws IOException {
        return vectors().getJsonArray("answers").stream().map(JsonValue::asJsonObject);
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("requests")
    void theServerReadsTheRequestAsTheV1BodyItStandsFor(JsonObject vector) {
        String by = vector.getString("by");
        JsonObject snapshot = vector.getJsonObject("snapshot");
        JsonObjectBuilder v1 = Json.createObjectBuilder(vector.getJsonObject("request"))
                .add("requestId", vector.getString("requestId"));
        if (by.equals("full")) {
            v1.add("snapshot", snapshot);
        } else {
            v1.add("ref", Json.createObjectBuilder().add("id", snapshot.getString("id"))
                    .add("version", snapshot.getJsonNumber("version")).add("sig", snapshot.getString("sig")));
        }
        ActionRequest expected = RequestReader.read(v1.build());
        ActionRequest read = RequestReader.read(vector.getString("wire"));
        if (by.equals("held")) {
            assertNull(read.ref().sig(), "the connection's copy names the signature");
            read = read.withRef(read.ref().withSig(snapshot.getString("sig")));
        }
        assertEquals(expected, read, vector.getString("name"));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("answers")
    void theServerWritesTheAnswerTheVectorShows(JsonObject vector) {
        String body = vector.getString("body");
        assertEquals(vector.getString("wire"), CompactAnswers.answer(body, vector.getString("componentId"),
                vector.getJsonNumber("baseVersion").longValue()), vector.getString("name"));
        JsonObject parsed = Json.createReader(new StringReader(body)).readObject();
        JsonObjectBuilder withoutId = Json.createObjectBuilder(parsed).remove("requestId");
        assertEquals(vector.getJsonObject("expanded"), withoutId.build(), "the vector's expansion is the body");
    }
}
