package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;
import io.diffyne.transport.http.SseTestStream;
import io.diffyne.transport.websocket.DemoPage;
import io.diffyne.transport.websocket.TestSocket;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The checks every server the WAR is deployed to must pass, black box over HTTP, WebSocket and SSE, against the
 * application at {@link #smokeBase()} on the server's default Diffyne settings: health, the handshake's refusals and
 * a page's connect, a counter click over each transport, a chat message reaching a second client's event stream. A
 * test class implements this for one server (starting it, or taking Arquillian's) and so runs all of them.
 */
@Timeout(60)
interface ServerSmoke {

    Duration WAIT = Duration.ofSeconds(15);

    /** The application's base URL on loopback, ending in '/': {@code http://127.0.0.1:<port>/diffyne/}. */
    URI smokeBase();

    /**
     * The server's {@code DIFFYNE_WS_KEY} when the test set it, else null (a random key): the checks that need it,
     * a raw-key client and an expired token, are skipped then.
     */
    default String wsKey() {
        return null;
    }

    /** The context root without a trailing slash ({@code /diffyne}). */
    private String contextPath() {
        String path = smokeBase().getPath();
        return path.substring(0, path.length() - 1);
    }

    private static String call(String requestId, String snapshot, String method) {
        return "{\"type\":\"call\",\"requestId\":\"" + requestId + "\",\"snapshot\":" + snapshot
                + ",\"method\":\"" + method + "\"}";
    }

    /**
     * The server's name in log file names ({@code <it-logs>/<name>-browser.log}).
     */
    default String serverName() {
        return getClass().getSimpleName().replace("SmokeIT", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** False where the build already runs these browser files, and more, against this server with the same WAR. */
    default boolean browserChecksHere() {
        return true;
    }

    /** Where the demo chat keeps its messages on this server, as its page says: {@code database (JPA)} or {@code memory}. */
    default String chatStorage() {
        return "database (JPA)";
    }

    /**
     * The checks a server can only fail in a real browser, run in headless Chromium against this server
     * ({@link BrowserChecks#FILES}): a counter clicked over WebSocket, the page with its WebSocket refused working over
     * AJAX, a socket dropped mid-session losing and doubling no click, the chat between two pages over WebSocket and
     * over the event stream, an upload previewed and saved.
     */
    @Test
    @Timeout(300)
    default void theBrowserChecksPassInChromium() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(BrowserChecks.skipped(), "browser tests skipped (-DskipE2E)");
        org.junit.jupiter.api.Assumptions.assumeTrue(browserChecksHere(), "this server's browser run is elsewhere");
        BrowserChecks.run(smokeBase(), serverName(), chatStorage());
    }

    @Test
    default void healthIsUpUnderTheContextRoot() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(smokeBase().resolve("_diffyne/health")).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        JsonObject health = (JsonObject) AjaxTestClient.parse(response.body());
        assertEquals("UP", health.getString("status"), response.body());
        JsonObject check = health.getJsonArray("checks").getJsonObject(0);
        assertEquals("diffyne", check.getString("name"));
        assertEquals("websocket", check.getJsonObject("data").getString("transport"));
        assertEquals(contextPath() + TestSocket.WS_PATH, check.getJsonObject("data").getString("websocketPath"),
                "the WebSocket path under the context root");
    }

    /**
     * Under a context root of its own no server serves {@code <context>/health} itself (Payara's MicroProfile Health
     * is at the server's root, WildFly's on the management interface), so Diffyne's servlet answers it there.
     */
    @Test
    default void healthAtTheContextRootsHealthPathIsDiffynes() throws Exception {
        PlatformHealth health = PlatformHealth.get(smokeBase().resolve("health"));
        assertEquals(java.util.Set.of("diffyne"), health.checks().keySet(), health.toString());
        assertEquals("UP", health.status(), health.toString());
        assertEquals(contextPath() + TestSocket.WS_PATH, health.data("diffyne", "websocketPath"), health.toString());
    }

    /**
     * The rate limit runs on this server's Jakarta REST runtime and reads the address of the request in hand, not of
     * one captured earlier: a client behind the trusted loopback proxy (default {@code DIFFYNE_TRUSTED_PROXIES})
     * exhausts the burst of the default {@code DIFFYNE_RATE_LIMIT} (a fifth of 600 a minute) and is refused, another
     * is not.
     */
    @Test
    default void theRateLimitRefusesOneForwardedClientAndNotTheNext() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String flooding = "198.51.100." + (1 + (int) (Math.random() * 200));
        java.util.function.Function<String, HttpRequest> health = client -> HttpRequest.newBuilder(
                smokeBase().resolve("_diffyne/health")).timeout(WAIT).header("X-Forwarded-For", client).build();
        HttpResponse<String> response = null;
        int sent = 0;
        // 120 in the bucket, refilled at 10 a second while the loop runs
        while (sent < 1_000 && (response == null || response.statusCode() == 200)) {
            response = http.send(health.apply(flooding), HttpResponse.BodyHandlers.ofString());
            sent++;
        }
        assertEquals(429, response.statusCode(), "after " + sent + " requests: " + response.body());
        assertTrue(sent > 120, "refused after " + sent + " requests only");
        assertEquals("rate_limited", AjaxTestClient.object(response).getString("type"), response.body());
        assertEquals(200, http.send(health.apply("203.0.113.9"), HttpResponse.BodyHandlers.discarding()).statusCode(),
                "another client is not refused");
    }

    @Test
    default void handshakesWithoutACredentialWithAWrongKeyOrFromAForeignOriginAreRefusedWith403() {
        URI base = smokeBase();
        assertEquals(403, TestSocket.refusedStatus(TestSocket.wsUri(base, null), Map.of()), "no credential");
        assertEquals(403, TestSocket.refusedStatus(TestSocket.wsUri(base, "key=not-the-key-0123456789"), Map.of()),
                "a wrong key");
        String token = TestSocket.pageToken(base);
        assertEquals(403, TestSocket.refusedStatus(TestSocket.wsUri(base, "token=" + token),
                Map.of("Origin", "https://foreign.example")), "a page token used from a foreign Origin");
    }

    @Test
    default void aRawKeyConnectsAndAnExpiredTokenIsRefusedWith403() {
        org.junit.jupiter.api.Assumptions.assumeTrue(wsKey() != null, "the server's DIFFYNE_WS_KEY is not known here");
        try (TestSocket socket = TestSocket.connect(TestSocket.wsUri(smokeBase(), null),
                Map.of("Authorization", "Bearer " + wsKey()))) {
            assertTrue(socket.next(WAIT).startsWith("{\"event\":\"diffyne.connected\""), "a raw-key client is greeted");
        } catch (java.net.http.WebSocketHandshakeException e) {
            throw new AssertionError("the raw key was refused: " + e.getResponse().statusCode(), e);
        }
        assertEquals(403, TestSocket.refusedStatus(TestSocket.wsUri(smokeBase(), "token="
                + TestSocket.expiredToken(wsKey())), Map.of("Origin", TestSocket.origin(smokeBase()))), "an expired token");
    }

    @Test
    default void aPageTokenConnectsAndTheConnectionAnswersPing() {
        try (TestSocket socket = TestSocket.connectAsPage(smokeBase(), TestSocket.pageToken(smokeBase()))) {
            socket.send("{\"event\":\"diffyne.ping\",\"data\":{\"t\":7}}");
            assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":7}}", socket.next(WAIT));
        }
    }

    /**
     * The default {@code DIFFYNE_WS_MAX_MESSAGE_SIZE} holds to the byte on this server's WebSocket container: a message
     * of exactly 1 MiB is answered, one byte more closes with 1009, binary data with 1003.
     */
    @Test
    default void theMessageSizeLimitHoldsToTheByteAndBinaryIsRefused() {
        int limit = 1_048_576;
        try (TestSocket socket = TestSocket.connectAsPage(smokeBase(), TestSocket.pageToken(smokeBase()))) {
            socket.send(WebSocketMessagesIT.pingOfSize(limit));
            assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":5}}", socket.next(WAIT), "the limit itself");
            socket.sendAsync(WebSocketMessagesIT.pingOfSize(limit + 1));
            assertEquals(1009, socket.awaitClose(WAIT).code(), "one byte over the limit");
        }
        try (TestSocket socket = TestSocket.connectAsPage(smokeBase(), TestSocket.pageToken(smokeBase()))) {
            socket.sendBinaryAsync(new byte[] {1, 2, 3});
            assertEquals(1003, socket.awaitClose(WAIT).code(), "binary data");
        }
    }

    @Test
    default void aCounterClickOverWebSocketAnswersItsPatch() {
        DemoPage page = DemoPage.get(smokeBase(), "");
        String id = page.id("counter");
        try (TestSocket socket = TestSocket.connectAsPage(smokeBase(), TestSocket.pageToken(smokeBase()))) {
            socket.send("{\"event\":\"diffyne.call\",\"data\":" + call("smoke-ws", page.snapshot("counter"), "increment")
                    + "}");
            String response = socket.nextEvent("diffyne.response", WAIT);
            assertTrue(response.startsWith("{\"event\":\"diffyne.response\",\"data\":{\"s\":true,\"c\":{\"i\":\"" + id
                    + "\",\"p\":[{\"t\":\"t\",\"p\":[1,0,0],\"x\":\"1\"}],\"sd\":[[\"p\",\"/count\",1]],\"v\":2,"), response);
            assertTrue(response.endsWith(",\"requestId\":\"smoke-ws\"}}"), response);
        }
    }

    @Test
    default void aCounterClickOverAjaxAnswersItsPatch() throws Exception {
        AjaxTestClient client = new AjaxTestClient(smokeBase());
        JsonObject snapshot = client.snapshotFromPage("", "counter");
        HttpResponse<String> response = client.postJson("update", AjaxTestClient.call(snapshot, "increment", "smoke-ajax"));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = AjaxTestClient.object(response);
        assertEquals("smoke-ajax", body.getString("requestId"), response.body());
        assertEquals(1, AjaxTestClient.next(snapshot, body).getJsonObject("state").getInt("count"), response.body());
        assertTrue(response.body().contains("\"p\":[{\"t\":\"t\",\"p\":[1,0,0],\"x\":\"1\"}]"), response.body());
        // a Content-Type that does not parse is refused with a JSON body on every server: 400 where the runtime's
        // parser rejects it (ContentTypeFilter, before Jersey's servlet answers it with an HTML page), 415 where it
        // accepts it (RESTEasy reads "charset" as an empty charset, which is not UTF-8)
        HttpResponse<String> malformed = client.post("update", "application/json; charset",
                AjaxTestClient.call(snapshot, "increment", "smoke-ajax-2"));
        String refused = malformed.statusCode() + " " + malformed.body();
        assertTrue(refused.equals("400 {\"s\":false,\"error\":\"Malformed Content-Type header: send application/json\","
                + "\"type\":\"bad_request\"}") || refused.equals("415 {\"s\":false,\"error\":\"JSON bodies must be "
                + "UTF-8\",\"type\":\"unsupported_media_type\"}"), refused);
    }

    @Test
    default void aChatMessageReachesASecondPagesWebSocket() {
        String room = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
        String alice = DemoPage.get(smokeBase(), "chat?room=" + room + "&name=alice").snapshot("chat-room");
        String bob = DemoPage.get(smokeBase(), "chat?room=" + room + "&name=bob").snapshot("chat-room");
        try (TestSocket a = TestSocket.connectAsPage(smokeBase(), TestSocket.pageToken(smokeBase()));
             TestSocket b = TestSocket.connectAsPage(smokeBase(), TestSocket.pageToken(smokeBase()))) {
            // bob's page registers its mounted chat room, as the client does on connect
            b.send("{\"event\":\"diffyne.resume\",\"data\":{\"components\":[" + bob + "],\"channels\":{}}}");
            assertEquals("{\"event\":\"diffyne.resumed\",\"data\":{\"channels\":{}}}", b.next(WAIT));
            a.send("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"smoke-say\",\"snapshot\":"
                    + alice + ",\"method\":\"sendMessage\",\"updates\":{\"newMessage\":\"hello bob\"}}}");
            String response = a.nextEvent("diffyne.response", WAIT);
            assertTrue(response.contains("\"s\":true") && response.contains("hello bob"), response);
            String push = b.nextEvent("diffyne.push", WAIT);
            assertTrue(push.startsWith("{\"event\":\"diffyne.push\",\"data\":{\"channel\":\"chat." + room + "\","), push);
            assertTrue(push.contains("hello bob"), "bob's page is re-rendered with the message: " + push);
        }
    }

    @Test
    default void aChatMessageReachesASecondClientsEventStream() throws Exception {
        String room = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
        AjaxTestClient sender = new AjaxTestClient(smokeBase());
        Element chat = sender.componentOnPage("chat?room=" + room, "chat-room");
        String channel = AjaxTestClient.parse(chat.attr("diff:channels")).asJsonArray().getString(0);
        JsonObject snapshot = (JsonObject) AjaxTestClient.parse(chat.attr("diff:snapshot"));

        // the second client: another HTTP client reading the channel's Server-Sent Events
        HttpClient reader = HttpClient.newBuilder().connectTimeout(WAIT).build();
        HttpResponse<Stream<String>> stream = reader.sendAsync(HttpRequest.newBuilder(smokeBase().resolve(
                                "_diffyne/events?" + SseTestStream.grantedQuery(chat))).GET().build(),
                        HttpResponse.BodyHandlers.ofLines())
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        try (Stream<String> body = stream.body()) {
            assertEquals(200, stream.statusCode());
            assertEquals("text/event-stream", stream.headers().firstValue("Content-Type").orElse(""));
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread pump = new Thread(() -> {
                try {
                    body.forEach(lines::add);
                } catch (java.io.UncheckedIOException closedByTheTest) {
                    // the stream is closed when the check ends
                }
            }, "smoke-sse-reader");
            pump.setDaemon(true);
            pump.start();
            // RESTEasy (WildFly) commits the response with an empty line first, which dispatches nothing
            String first = lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            while ("".equals(first)) {
                first = lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            assertEquals(": diffyne", first, "the stream opens with a comment");

            String send = Json.createObjectBuilder().add("type", "call").add("requestId", "smoke-chat-" + room)
                    .add("snapshot", snapshot).add("method", "sendMessage")
                    .add("updates", Json.createObjectBuilder().add("newMessage", "hello from the smoke test"))
                    .build().toString();
            HttpResponse<String> sent = sender.postJson("update", send);
            assertEquals(200, sent.statusCode(), sent.body());
            assertTrue(sent.body().contains("hello from the smoke test"), "the sender's own patch: " + sent.body());

            String event = null;
            String data = null;
            boolean headSeen = false;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (data == null) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertNotNull(line, "no broadcast on the event stream within " + WAIT);
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
                if (data != null && "diffyne.head".equals(event)) {
                    // first, where the channel's log stood when the stream opened: a new room has none
                    assertFalse(headSeen, "one head per channel");
                    assertEquals(Json.createObjectBuilder().add("channel", channel).addNull("ep").add("seq", 0).build(),
                            AjaxTestClient.parse(data), data);
                    headSeen = true;
                    event = null;
                    data = null;
                }
            }
            assertTrue(headSeen, "the stream said where the channel stood before its first broadcast");
            assertEquals("diffyne.broadcast", event);
            JsonObject broadcast = (JsonObject) AjaxTestClient.parse(data);
            assertEquals(channel, broadcast.getString("channel"));
            assertEquals("message-sent", broadcast.getString("name"));
            // the data travels sealed in the pass, never in the clear
            assertFalse(broadcast.containsKey("data"), data);
            assertTrue(broadcast.getString("pass").startsWith("b1."), data);
            assertFalse(data.contains("hello from the smoke test"), data);
        }
    }

    /**
     * The JSP page compiles on this server's JSP engine (Jasper, Jastow): the tag and the EL bean each mount a counter
     * with its parameter (a literal "2" converted like a form value, an EL 5), the tag writes the client bootstrap
     * once, and the tag's counter counts by 2 over AJAX.
     */
    @Test
    default void theJspPageMountsCountersThroughTheTagAndTheElBean() throws Exception {
        AjaxTestClient client = new AjaxTestClient(smokeBase());
        // the first request compiles the page
        HttpResponse<String> page = client.http().send(HttpRequest.newBuilder(smokeBase().resolve("jsp/counter.jsp"))
                .timeout(Duration.ofSeconds(50)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        var document = org.jsoup.Jsoup.parse(page.body());
        var counters = document.select("[diff:component=counter]");
        assertEquals(2, counters.size(), page.body());
        JsonObject tag = (JsonObject) AjaxTestClient.parse(counters.get(0).attr("diff:snapshot"));
        JsonObject el = (JsonObject) AjaxTestClient.parse(counters.get(1).attr("diff:snapshot"));
        assertEquals(2, tag.getJsonObject("state").getInt("step"), tag.toString());
        assertEquals(5, el.getJsonObject("state").getInt("step"), el.toString());
        assertEquals(1, document.select("script#diffyne-config").size(), "one client bootstrap");
        HttpResponse<String> response = client.postJson("update", AjaxTestClient.call(tag, "increment", "smoke-jsp"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, AjaxTestClient.next(tag, AjaxTestClient.object(response)).getJsonObject("state").getInt("count"));
    }

    /**
     * {@code @RolesAllowed("admin")} on {@code Counter.preset}: an anonymous caller is refused with {@code security_error}
     * over AJAX (403) and over WebSocket (the error envelope), with the same body, and nothing was issued (the same
     * snapshot still increments).
     */
    @Test
    default void anAdminOnlyActionIsRefusedToAnAnonymousCallerOverBothTransports() throws Exception {
        AjaxTestClient client = new AjaxTestClient(smokeBase());
        JsonObject snapshot = client.snapshotFromPage("", "counter");
        String preset = "{\"type\":\"call\",\"requestId\":\"smoke-admin\",\"snapshot\":" + snapshot
                + ",\"method\":\"preset\",\"params\":[100]}";
        HttpResponse<String> ajax = client.postJson("update", preset);
        assertEquals(403, ajax.statusCode(), ajax.body());
        assertEquals("security_error", AjaxTestClient.object(ajax).getString("type"), ajax.body());
        try (TestSocket socket = TestSocket.connectAsPage(smokeBase(), TestSocket.pageToken(smokeBase()))) {
            socket.send("{\"event\":\"diffyne.call\",\"data\":" + preset + "}");
            String envelope = socket.nextEvent("diffyne.response", WAIT);
            assertEquals("{\"event\":\"diffyne.response\",\"data\":" + ajax.body() + "}", envelope);
        }
        HttpResponse<String> after = client.postJson("update", AjaxTestClient.call(snapshot, "increment", "smoke-after"));
        assertEquals(200, after.statusCode(), "the refused call issued no version: " + after.body());
    }
}
