package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A client on AJAX receives broadcasts through {@code GET /_diffyne/events} (Server-Sent Events). */
class AjaxEventsIT extends AbstractDiffyneIT {

    @Test
    void aBroadcastReachesAnEventStreamWithinASecond() throws Exception {
        String room = "it-" + UUID.randomUUID().toString().substring(0, 8);
        AjaxTestClient client = new AjaxTestClient(loopbackBase());
        // the page names the channels its listening components are on, as the JavaScript client reads them
        Element chat = client.componentOnPage("chat?room=" + room, "chat-room");
        JsonArray channels = AjaxTestClient.parse(chat.attr("diff:channels")).asJsonArray();
        assertEquals(1, channels.size(), channels.toString());
        String channel = channels.getString(0);
        JsonObject snapshot = (JsonObject) AjaxTestClient.parse(chat.attr("diff:snapshot"));

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(
                HttpRequest.newBuilder(uri("_diffyne/events?channels=" + URLEncoder.encode(channel, StandardCharsets.UTF_8)))
                        .GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(20, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse(""));
        Thread reader = new Thread(() -> response.body().forEach(lines::add), "it-sse-reader");
        reader.setDaemon(true);
        reader.start();
        assertEquals(": diffyne", lines.poll(10, TimeUnit.SECONDS), "the stream opens with a comment");

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
            String event = null;
            String data = null;
            while (data == null) {
                long left = answered + 1_000_000_000L - System.nanoTime();
                String line = lines.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                assertNotNull(line, "no broadcast within a second");
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            long received = System.nanoTime();
            assertEquals("diffyne.broadcast", event);
            JsonObject json = (JsonObject) AjaxTestClient.parse(data);
            assertEquals(channel, json.getString("channel"));
            assertEquals("message-sent", json.getString("name"));
            assertEquals(Json.createObjectBuilder().add("room", room).build(), json.getJsonObject("data"));
            long seq = json.getJsonNumber("seq").longValue();
            assertTrue(seq > previousSeq, "seq grows per channel: " + previousSeq + " then " + seq);
            previousSeq = seq;
            System.out.printf("[figure] AJAX broadcast over SSE, message %d: action answered in %.2f ms, event "
                    + "received %.2f ms after the action was sent%n", i, (answered - start) / 1e6, (received - start) / 1e6);
        }
        response.body().close();
    }
}
