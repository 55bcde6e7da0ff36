package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;
import io.diffyne.transport.http.SseTestStream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A client on AJAX receives broadcasts through {@code GET /_diffyne/events} (Server-Sent Events) on the channels it
 * was granted with its component, and relays each one's pass back as an {@code event}. (Refused grants:
 * {@link ChannelGrantIT}.)
 */
class AjaxEventsIT extends AbstractDiffyneIT {

    @Test
    void aBroadcastReachesAnEventStreamWithinASecond() throws Exception {
        String room = "it-" + UUID.randomUUID().toString().substring(0, 8);
        AjaxTestClient client = new AjaxTestClient(loopbackBase());
        // the page names the channels its listening components are on, and grants them, as the client reads them
        Element chat = client.componentOnPage("chat?room=" + room, "chat-room");
        JsonArray channels = AjaxTestClient.parse(chat.attr("diff:channels")).asJsonArray();
        assertEquals(1, channels.size(), channels.toString());
        String channel = channels.getString(0);
        JsonObject snapshot = (JsonObject) AjaxTestClient.parse(chat.attr("diff:snapshot"));

        try (SseTestStream stream = SseTestStream.open(http, loopbackBase(), SseTestStream.grantedQuery(chat))) {
            assertEquals(200, stream.status());
            assertEquals("text/event-stream", stream.contentType());
            assertEquals(": diffyne", stream.nextLine(Duration.ofSeconds(10)), "the stream opens with a comment");
            SseTestStream.Event head = stream.next(Duration.ofSeconds(10));
            assertNotNull(head, "no diffyne.head after the comment");
            assertEquals("diffyne.head", head.name(), "then where the channel's log stands");
            assertEquals(Json.createObjectBuilder().add("channel", channel).addNull("ep").add("seq", 0).build(),
                    AjaxTestClient.parse(head.data()), "a new room has no log yet");

            // three messages: the first pays for a cold server, the later ones are the figure
            long previousSeq = 0;
            for (int i = 1; i <= 3; i++) {
                String send = Json.createObjectBuilder().add("type", "call").add("requestId", "sse-" + i + "-" + room)
                        .add("snapshot", snapshot).add("method", "sendMessage")
                        .add("updates", Json.createObjectBuilder().add("newMessage", "ping " + i)).build().toString();
                long start = System.nanoTime();
                HttpResponse<String> sent = client.postJson("update", send);
                assertEquals(200, sent.statusCode(), sent.body());
                long answered = System.nanoTime();
                snapshot = AjaxTestClient.next(snapshot, AjaxTestClient.object(sent));

                // the broadcast is due within a second of the action's answer (it is sent while the action completes)
                SseTestStream.Event event = stream.next(Duration.ofNanos(answered + 1_000_000_000L - System.nanoTime()));
                assertNotNull(event, "no broadcast within a second");
                long received = System.nanoTime();
                assertEquals("diffyne.broadcast", event.name());
                JsonObject json = (JsonObject) AjaxTestClient.parse(event.data());
                assertEquals(Set.of("channel", "ep", "seq", "name", "pass"), json.keySet(), "no data: " + json);
                assertEquals(channel, json.getString("channel"));
                assertEquals("message-sent", json.getString("name"));
                assertTrue(json.getString("pass").startsWith("b1."), json.toString());
                long seq = json.getJsonNumber("seq").longValue();
                assertTrue(seq > previousSeq, "seq grows per channel: " + previousSeq + " then " + seq);
                previousSeq = seq;
                System.out.printf("[figure] AJAX broadcast over SSE, message %d: action answered in %.2f ms, event "
                        + "received %.2f ms after the action was sent%n", i, (answered - start) / 1e6,
                        (received - start) / 1e6);
            }
        }
    }
}
