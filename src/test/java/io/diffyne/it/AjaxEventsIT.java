package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** A client on AJAX receives broadcasts through {@code GET /_diffyne/events} (Server-Sent Events). */
class AjaxEventsIT extends AbstractDiffyneIT {

    @Test
    void aBroadcastReachesAnEventStreamWithinASecond() throws Exception {
        String room = "it-" + UUID.randomUUID().toString().substring(0, 8);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(
                HttpRequest.newBuilder(uri("_diffyne/events?channels=chat:" + room)).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(20, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse(""));
        Thread reader = new Thread(() -> response.body().forEach(lines::add), "it-sse-reader");
        reader.setDaemon(true);
        reader.start();
        assertEquals(": diffyne", lines.poll(10, TimeUnit.SECONDS), "the stream opens with a comment");

        AjaxTestClient client = new AjaxTestClient(loopbackBase());
        JsonObject snapshot = client.snapshotFromPage("chat?room=" + room, "chat-room");
        String send = Json.createObjectBuilder().add("type", "call").add("requestId", "sse-" + room)
                .add("snapshot", snapshot).add("method", "sendMessage")
                .add("updates", Json.createObjectBuilder().add("newMessage", "ping")).build().toString();
        long start = System.nanoTime();
        HttpResponse<String> sent = client.postJson("update", send);
        assertEquals(200, sent.statusCode(), sent.body());
        long answered = System.nanoTime();

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
        long micros = (System.nanoTime() - start) / 1000;
        assertEquals("diffyne.broadcast", event);
        JsonObject json = (JsonObject) AjaxTestClient.parse(data);
        assertEquals("chat:" + room, json.getString("channel"));
        assertEquals("message-sent", json.getString("name"));
        assertEquals(Json.createObjectBuilder().add("room", room).build(), json.getJsonObject("data"));
        assertTrue(json.getJsonNumber("seq").longValue() >= 1);
        System.out.printf("[figure] AJAX action sent to its SSE broadcast received: %.2f ms (action round trip "
                + "included)%n", micros / 1000.0);
        response.body().close();
    }
}
