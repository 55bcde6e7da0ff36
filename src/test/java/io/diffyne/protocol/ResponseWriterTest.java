package io.diffyne.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ResponseWriterTest {

    /**
     * A state value the client set with unpaired surrogates goes back as their escapes: written raw, the text could not
     * be encoded as UTF-8 (the WebSocket container refused to send it, an HTTP body got {@code ?}).
     */
    @Test
    void unpairedSurrogatesInTheStateAreEscaped() {
        String json = ResponseWriter.success().component("c1", List.of())
                .stateDelta(Json.createArrayBuilder().add(Json.createArrayBuilder().add("p").add("/email")
                        .add("\ud800x\udfff😀")).build())
                .fullState(Json.createObjectBuilder().add("b", "\udc00").add("a", 1.50).build())
                .finish("r1");
        assertTrue(json.startsWith("{\"s\":true,\"c\":{\"i\":\"c1\",\"p\":[],\"sd\":[[\"p\",\"/email\","
                + "\"\\ud800x\\udfff😀\"]],\"st\":{\"a\":1.5,\"b\":\"\\udc00\"}"), json);
        String roundTrip = new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertEquals(json, roundTrip, "every character survives UTF-8");
    }
}
