package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;
import io.diffyne.transport.http.SseTestStream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Listening on a channel takes a grant the server issued with a component listening there, and the stream never
 * carries a broadcast's data: an attacker's {@code GET /_diffyne/events} without a grant, with a forged or extended
 * one, with the grant of another channel or an expired one, is refused with 403 {@code security_error} before any
 * stream opens; a granted stream gets each broadcast as a sealed pass that updates the listening component when
 * relayed, and nothing else. On a Payara Micro of its own, because the grants' lifetime is read at deployment
 * ({@code DIFFYNE_CHANNEL_GRANT_TTL=5}: the expired case waits seconds, not an hour) and its log must show no SEVERE.
 */
@Timeout(240)
class ChannelGrantIT {

    private static final int GRANT_TTL_SECONDS = 5;
    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    static final OwnPayara PAYARA = new OwnPayara("channel-grant",
            List.of("-DDIFFYNE_CHANNEL_GRANT_TTL=" + GRANT_TTL_SECONDS));

    private final URI base = PAYARA.base();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AjaxTestClient client = new AjaxTestClient(base);

    private static String room() {
        return "g-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Element chat(String room) throws Exception {
        return client.componentOnPage("chat?room=" + room, "chat-room");
    }

    private static String grant(Element component, String channel) {
        return ((JsonObject) AjaxTestClient.parse(component.attr("diff:grants"))).getString(channel);
    }

    private static String query(String... entries) {
        return "channels=" + URLEncoder.encode(String.join(",", entries), StandardCharsets.UTF_8);
    }

    /** Opens {@code query} and expects 403 security_error as JSON with {@code error}, and no stream. */
    private void assertRefused(String query, String error) throws Exception {
        try (SseTestStream stream = SseTestStream.open(http, base, query)) {
            assertEquals(403, stream.status(), query);
            assertTrue(stream.contentType().startsWith("application/json"), stream.contentType());
            assertEquals(Json.createObjectBuilder().add("s", false).add("error", error).add("type", "security_error")
                    .build(), AjaxTestClient.parse(stream.body()), query);
        }
    }

    private static String ungranted(String channel) {
        return "No valid grant for channel '" + channel + "' for this user: a channel is granted with a component that "
                + "listens on it (diff:grants), as <channel>~<grant>";
    }

    @Test
    void aStreamWithoutAValidGrantForEveryChannelIsRefusedBeforeItOpens() throws Exception {
        String room = room();
        String other = room();
        Element chat = chat(room);
        String channel = "chat." + room;
        String grant = grant(chat, channel);
        assertTrue(grant.matches("\\d{13}\\.[A-Za-z0-9_-]{22}"), grant);

        assertRefused(query(channel), ungranted(channel));
        assertRefused(query("chat.general"), ungranted("chat.general"));
        String mac = grant.substring(grant.indexOf('.') + 1);
        String forged = grant.substring(0, grant.indexOf('.') + 1) + (mac.startsWith("A") ? "B" : "A") + mac.substring(1);
        assertRefused(query(channel + "~" + forged), ungranted(channel));
        long expiry = Long.parseLong(grant.substring(0, grant.indexOf('.')));
        assertRefused(query(channel + "~" + (expiry + 86_400_000) + "." + mac), ungranted(channel));
        assertRefused(query(channel + "~x"), ungranted(channel));
        assertRefused(query("chat." + other + "~" + grant), ungranted("chat." + other));
        assertRefused(query(channel + "~" + grant, "chat." + other), ungranted("chat." + other));

        try (SseTestStream none = SseTestStream.open(http, base, null)) {
            assertEquals(400, none.status());
            assertEquals("bad_request", ((JsonObject) AjaxTestClient.parse(none.body())).getString("type"));
        }
        try (SseTestStream granted = SseTestStream.open(http, base, SseTestStream.grantedQuery(chat))) {
            assertEquals(200, granted.status());
        }
    }

    @Test
    void aGrantedStreamCarriesASealedPassThatUpdatesTheListeningComponentAndNothingElse() throws Exception {
        String room = room();
        Element reader = chat(room);
        JsonObject readerSnapshot = (JsonObject) AjaxTestClient.parse(reader.attr("diff:snapshot"));
        JsonObject writer = (JsonObject) AjaxTestClient.parse(chat(room).attr("diff:snapshot"));
        JsonObject elsewhere = (JsonObject) AjaxTestClient.parse(chat(room()).attr("diff:snapshot"));
        String text = "hello-" + UUID.randomUUID();

        String event;
        try (SseTestStream stream = SseTestStream.open(http, base, SseTestStream.grantedQuery(reader))) {
            assertEquals(200, stream.status());
            assertEquals(": diffyne", stream.nextLine(WAIT));
            assertEquals("diffyne.head", stream.next(WAIT).name(), "where the channel stands, before any broadcast");
            HttpResponse<String> sent = client.postJson("update", Json.createObjectBuilder().add("type", "call")
                    .add("requestId", "w1").add("snapshot", writer).add("method", "sendMessage")
                    .add("updates", Json.createObjectBuilder().add("newMessage", text)).build().toString());
            assertEquals(200, sent.statusCode(), sent.body());
            SseTestStream.Event broadcast = stream.next(WAIT);
            assertNotNull(broadcast, "no broadcast");
            event = broadcast.data();
        }
        JsonObject message = (JsonObject) AjaxTestClient.parse(event);
        assertEquals(Set.of("channel", "ep", "seq", "name", "pass"), message.keySet(), event);
        assertEquals("chat." + room, message.getString("channel"));
        assertEquals("message-sent", message.getString("name"));
        assertFalse(event.contains("\"room\"") || event.contains(text), "the broadcast's data is in the stream: " + event);

        // relayed as the client does: the event name and the pass, no data; the listener reloads the room
        String relay = Json.createObjectBuilder().add("type", "event").add("requestId", "r1")
                .add("snapshot", readerSnapshot).add("event", "message-sent").add("pass", message.getString("pass"))
                .build().toString();
        HttpResponse<String> relayed = client.postJson("update", relay);
        assertEquals(200, relayed.statusCode(), relayed.body());
        JsonObject updated = AjaxTestClient.object(relayed);
        assertTrue(updated.getBoolean("s"), relayed.body());
        assertTrue(updated.getJsonObject("c").getJsonArray("p").toString().contains(text),
                "the reader's component shows the new message: " + relayed.body());

        // the pass is for a component on its channel: one in another room cannot use it, nor any without a pass
        HttpResponse<String> foreign = client.postJson("update", Json.createObjectBuilder(
                (JsonObject) AjaxTestClient.parse(relay)).add("requestId", "r2").add("snapshot", elsewhere).build()
                .toString());
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertEquals("security_error", AjaxTestClient.object(foreign).getString("type"));
        HttpResponse<String> passless = client.postJson("update", Json.createObjectBuilder(
                (JsonObject) AjaxTestClient.parse(relay)).add("requestId", "r3").remove("pass")
                .add("snapshot", AjaxTestClient.next(readerSnapshot, updated))
                .add("data", Json.createObjectBuilder().add("room", room)).build().toString());
        assertEquals(403, passless.statusCode(), passless.body());
    }

    @Test
    void anExpiredGrantIsRefusedAndARenderOfTheComponentGrantsAgain() throws Exception {
        String room = room();
        String channel = "chat." + room;
        Element chat = chat(room);
        String grant = grant(chat, channel);
        long expiry = Long.parseLong(grant.substring(0, grant.indexOf('.')));
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (System.currentTimeMillis() <= expiry) {
            assertTrue(System.currentTimeMillis() < deadline, "the grant does not expire within " + WAIT);
            Thread.sleep(Math.max(1, Math.min(200, expiry + 1 - System.currentTimeMillis())));
        }
        assertRefused(query(channel + "~" + grant), "The grant for channel '" + channel + "' has expired: render a "
                + "component listening there again for a fresh one");

        // what the client does when its stream is refused: render the component, which brings a fresh grant
        JsonObject snapshot = (JsonObject) AjaxTestClient.parse(chat.attr("diff:snapshot"));
        HttpResponse<String> rendered = client.postJson("update", Json.createObjectBuilder().add("type", "render")
                .add("requestId", "render-1").add("snapshot", snapshot).build().toString());
        assertEquals(200, rendered.statusCode(), rendered.body());
        Element fresh = Jsoup.parseBodyFragment(AjaxTestClient.object(rendered).getJsonObject("c").getString("h"))
                .body().child(0);
        assertTrue(Long.parseLong(grant(fresh, channel).split("\\.")[0]) > expiry);
        try (SseTestStream stream = SseTestStream.open(http, base, SseTestStream.grantedQuery(fresh))) {
            assertEquals(200, stream.status());
            assertEquals(": diffyne", stream.nextLine(WAIT));
        }
    }
}
