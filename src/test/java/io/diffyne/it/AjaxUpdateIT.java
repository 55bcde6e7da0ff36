package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /_diffyne/update} against the real WAR: a counter driven with real signed snapshots, every status the
 * endpoint answers, batches and idempotent retries.
 */
class AjaxUpdateIT extends AbstractDiffyneIT {

    private AjaxTestClient client;

    @BeforeEach
    void client() {
        client = new AjaxTestClient(loopbackBase());
    }

    private static String rid() {
        return "it-" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void aCounterIsIncrementedWithRealSnapshots() throws Exception {
        JsonObject snapshot = client.snapshotFromPage("", "counter");
        assertEquals(0, snapshot.getJsonObject("state").getInt("count"));
        long version = snapshot.getJsonNumber("version").longValue();
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> response = client.postJson("update", AjaxTestClient.call(snapshot, "increment", "c" + i + rid()));
            assertEquals(200, response.statusCode(), response.body());
            JsonObject body = AjaxTestClient.object(response);
            JsonObject c = body.getJsonObject("c");
            assertEquals(snapshot.getString("id"), c.getString("i"));
            assertEquals(Json.createArrayBuilder().add(Json.createArrayBuilder().add("p").add("/count").add(i)).build(),
                    c.getJsonArray("sd"));
            assertEquals(version + i, c.getJsonNumber("v").longValue());
            assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("t", "t")
                    .add("p", Json.createArrayBuilder().add(1).add(0).add(0)).add("x", Integer.toString(i))).build(),
                    c.getJsonArray("p"));
            String previousSig = snapshot.getString("sig");
            snapshot = AjaxTestClient.next(snapshot, body);
            assertEquals(i, snapshot.getJsonObject("state").getInt("count"));
            assertNotEquals(previousSig, snapshot.getString("sig"));
        }

        // the figure: round trips over /update on this machine (printed, not asserted)
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.postJson("update", AjaxTestClient.call(snapshot, "increment", "t" + i + rid()));
            micros.add((System.nanoTime() - start) / 1000);
            assertEquals(200, response.statusCode(), response.body());
            snapshot = AjaxTestClient.next(snapshot, AjaxTestClient.object(response));
        }
        assertEquals(63, snapshot.getJsonObject("state").getInt("count"));
        List<Long> warm = new ArrayList<>(micros.subList(10, micros.size()));
        Collections.sort(warm);
        System.out.printf("[figure] AJAX counter round trip over /update: p50 %.2f ms, p90 %.2f ms, max %.2f ms (n=%d, "
                        + "after 10 warm-up), response %d bytes%n", warm.get(warm.size() / 2) / 1000.0,
                warm.get(warm.size() * 9 / 10) / 1000.0, warm.get(warm.size() - 1) / 1000.0, warm.size(),
                client.postJson("update", AjaxTestClient.call(snapshot, "increment", rid())).body().length());
    }

    @Test
    void aBatchAnswers200WithOneResultPerAction() throws Exception {
        JsonObject snapshot = client.snapshotFromPage("", "counter");
        // the refusal first: it issues nothing, so the same snapshot is still the newest for the second action
        String batch = "[" + AjaxTestClient.call(snapshot, "nope", "b1" + rid()) + ","
                + AjaxTestClient.call(snapshot, "increment", "b2" + rid()) + "]";
        HttpResponse<String> response = client.postJson("update", batch);
        assertEquals(200, response.statusCode(), response.body());
        JsonArray results = AjaxTestClient.parse(response.body()).asJsonArray();
        assertEquals(2, results.size());
        assertEquals("method_error", results.getJsonObject(0).getString("type"));
        assertEquals(JsonValue.TRUE, results.getJsonObject(1).get("s"));
    }

    @Test
    void aRepeatedRequestIdRunsTheActionOnce() throws Exception {
        String room = "it-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject snapshot = client.snapshotFromPage("chat?room=" + room, "chat-room");
        assertEquals(0, snapshot.getJsonObject("state").getJsonArray("messages").size());
        String send = Json.createObjectBuilder().add("type", "call").add("requestId", "idem-" + room)
                .add("snapshot", snapshot).add("method", "sendMessage")
                .add("updates", Json.createObjectBuilder().add("newMessage", "hello " + room)).build().toString();
        HttpResponse<String> first = client.postJson("update", send);
        assertEquals(200, first.statusCode(), first.body());
        HttpResponse<String> again = client.postJson("update", send);
        assertEquals(200, again.statusCode());
        assertEquals(first.body(), again.body());

        JsonObject fresh = client.snapshotFromPage("chat?room=" + room, "chat-room");
        JsonArray messages = fresh.getJsonObject("state").getJsonArray("messages");
        assertEquals(1, messages.size(), messages.toString());
        assertEquals("hello " + room, messages.getJsonObject(0).getString("text"));
    }

    @Test
    void malformedJsonIs400() throws Exception {
        HttpResponse<String> response = client.postJson("update", "{\"type\":");
        assertEquals(400, response.statusCode());
        assertEquals("bad_request", AjaxTestClient.object(response).getString("type"));
        assertEquals("application/json;charset=UTF-8", response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void aMethodThatIsNotInvokableIs400MethodError() throws Exception {
        JsonObject snapshot = client.snapshotFromPage("", "counter");
        for (String method : new String[] {"mount", "toString", "getClass", "nothing"}) {
            HttpResponse<String> response = client.postJson("update", AjaxTestClient.call(snapshot, method, rid()));
            assertEquals(400, response.statusCode(), method + ": " + response.body());
            assertEquals("method_error", AjaxTestClient.object(response).getString("type"));
        }
    }

    @Test
    void aTamperedSnapshotIs403() throws Exception {
        JsonObject snapshot = client.snapshotFromPage("", "counter");
        JsonObject tampered = Json.createObjectBuilder(snapshot)
                .add("state", Json.createObjectBuilder(snapshot.getJsonObject("state")).add("count", 1000)).build();
        HttpResponse<String> response = client.postJson("update", AjaxTestClient.call(tampered, "increment", rid()));
        assertEquals(403, response.statusCode(), response.body());
        assertEquals("security_error", AjaxTestClient.object(response).getString("type"));
    }

    @Test
    void aLockedFieldIs403() throws Exception {
        JsonObject snapshot = client.snapshotFromPage("", "counter");
        HttpResponse<String> response = client.postJson("update",
                AjaxTestClient.update(snapshot, "step", Json.createValue(100), rid()));
        assertEquals(403, response.statusCode(), response.body());
        assertEquals("security_error", AjaxTestClient.object(response).getString("type"));
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        String body = "{\"pad\":\"" + "x".repeat(1_048_576) + "\"}";
        HttpResponse<String> response = client.postJson("update", body);
        assertEquals(413, response.statusCode());
        assertEquals("{\"s\":false,\"error\":\"The body is over the 1048576-byte limit (DIFFYNE_WS_MAX_MESSAGE_SIZE); "
                + "send fewer actions per batch\",\"type\":\"payload_too_large\"}", response.body());
    }

    @Test
    void aWrongContentTypeIs415() throws Exception {
        JsonObject snapshot = client.snapshotFromPage("", "counter");
        HttpResponse<String> response = client.post("update", "text/plain",
                AjaxTestClient.call(snapshot, "increment", rid()));
        assertEquals(415, response.statusCode());
        assertEquals("{\"s\":false,\"error\":\"Send the body as Content-Type: application/json\","
                + "\"type\":\"unsupported_media_type\"}", response.body());
        // one that does not parse: Jersey alone answered it 400 with an empty body
        HttpResponse<String> malformed = client.post("update", "application/json; charset",
                AjaxTestClient.call(snapshot, "increment", rid()));
        assertEquals(400, malformed.statusCode());
        assertEquals("{\"s\":false,\"error\":\"Malformed Content-Type header: send application/json\","
                + "\"type\":\"bad_request\"}", malformed.body());
    }

    @Test
    void aFailedValidationIs422WithTheFieldErrors() throws Exception {
        JsonObject snapshot = client.snapshotFromPage("", "contact-form");
        HttpResponse<String> response = client.postJson("update", AjaxTestClient.call(snapshot, "submit", rid()));
        assertEquals(422, response.statusCode(), response.body());
        JsonObject body = AjaxTestClient.object(response);
        assertEquals("validation_error", body.getString("type"));
        assertTrue(response.body().contains("Email address is required"), response.body());
    }

    @Test
    void unknownEndpointsAndMethodsAnswerJson() throws Exception {
        HttpResponse<String> missing = get("_diffyne/nothing-here");
        assertEquals(404, missing.statusCode());
        assertEquals("{\"s\":false,\"error\":\"No such Diffyne endpoint\",\"type\":\"not_found\"}", missing.body());
        HttpResponse<String> wrongMethod = get("_diffyne/update");
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("{\"s\":false,\"error\":\"Method not allowed on this Diffyne endpoint\",\"type\":\"bad_request\"}",
                wrongMethod.body());
    }
}
