package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;
import io.diffyne.transport.websocket.TestSocket;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Finding 4 of issue 12, as the client behaves: a chat message sent by reference over WebSocket, the socket killed
 * before the answer is read, the same requestId retried over AJAX with the full snapshot. The retry is answered from
 * the first run and the message is stored once.
 */
class RetryAcrossTransportsIT extends AbstractDiffyneIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aCallByReferenceLostWithItsSocketAndRetriedOverAjaxRunsOnce() throws Exception {
        AjaxTestClient ajax = new AjaxTestClient(loopbackBase());
        String room = "it-retry-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String text = "sent once in " + room;
        JsonObject v1 = ajax.snapshotFromPage(chat(room), "chat-room");
        String token = TestSocket.pageToken(loopbackBase());
        try (TestSocket other = TestSocket.connectAsPage(loopbackBase(), token)) {
            // a second client in the room: its push proves the first run happened
            other.send("{\"event\":\"diffyne.resume\",\"data\":{\"components\":["
                    + ajax.snapshotFromPage(chat(room), "chat-room") + "]}}");
            other.nextEvent("diffyne.resumed", WAIT);

            TestSocket socket = TestSocket.connectAsPage(loopbackBase(), token);
            socket.send("{\"event\":\"diffyne.update\",\"data\":{\"type\":\"update\",\"requestId\":\"u1\","
                    + "\"snapshot\":" + v1 + ",\"property\":\"newMessage\",\"value\":\"" + text + "\"}}");
            JsonObject updated = AjaxTestClient.parse(socket.nextEvent("diffyne.response", WAIT)).asJsonObject()
                    .getJsonObject("data");
            JsonObject v2 = AjaxTestClient.next(v1, updated);
            socket.send("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"send-1\",\"ref\":"
                    + "{\"id\":\"" + v2.getString("id") + "\",\"version\":2,\"sig\":\"" + v2.getString("sig")
                    + "\"},\"method\":\"sendMessage\"}}");
            socket.abort(); // killed before the answer is read
            String push = other.nextEvent("diffyne.push", WAIT);
            assertTrue(push.contains(text), "the first run happened: " + push);

            String retry = Json.createObjectBuilder().add("type", "call").add("requestId", "send-1")
                    .add("snapshot", v2).add("method", "sendMessage").build().toString();
            HttpResponse<String> answer = ajax.postJson("update", retry, "X-Diffyne-Client", socket.clientId());
            assertEquals(200, answer.statusCode(), answer.body());
            JsonObject first = AjaxTestClient.object(answer);
            assertTrue(first.getBoolean("s"), answer.body());
            assertEquals("send-1", first.getString("requestId"));
            assertEquals(3, first.getJsonObject("c").getInt("v"), answer.body());
            assertTrue(first.getJsonObject("c").getJsonArray("sd").contains(
                    Json.createArrayBuilder().add("p").add("/newMessage").add("").build()), answer.body());
            assertEquals(first, AjaxTestClient.object(ajax.postJson("update", retry)), "asked again: the same");
        }
        assertEquals(1, stored(ajax, room, text), "a fresh page of the room shows the message once");
    }

    private static String chat(String room) {
        return "chat?room=" + room + "&name=ada";
    }

    /** How many messages of the room, as a fresh page shows them, carry {@code text}. */
    private static long stored(AjaxTestClient ajax, String room, String text) throws Exception {
        return ajax.snapshotFromPage(chat(room), "chat-room").getJsonObject("state").getJsonArray("messages")
                .stream().map(JsonValue::asJsonObject).filter(m -> text.equals(m.getString("text"))).count();
    }
}
