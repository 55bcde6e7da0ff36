package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.state.Snapshot;
import io.diffyne.state.SnapshotSigner;
import io.diffyne.transport.http.AjaxTestClient;
import io.diffyne.transport.http.UploadForm;
import io.diffyne.transport.websocket.TestSocket;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP policies that need settings of their own, on a Payara Micro started here: CORS and cross-site refusal with
 * {@code DIFFYNE_WS_CORS_ORIGINS=http://allowed.test}, the rate limit at 60 a minute (bursts of 12), and a storage
 * failure (an upload folder that is a file) answered with a generic 500, WebSocket handshakes at 30 a minute (bursts of
 * 10), and a known signing key, so a validly signed
 * snapshot can name a component that does not exist (404). Each test speaks for its own client address
 * through {@code X-Forwarded-For}, which the server honours from a loopback peer, so their allowances do not mix.
 */
@Timeout(240)
class AjaxPolicyIT {

    private static final String ALLOWED = "http://allowed.test";
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Known to the test, so it can sign a snapshot the server accepts for a component that does not exist. */
    private static final String SIGNING_KEY = "ajax-policy-it-signing-key-0123456789";
    private static PayaraMicroProcess payara;
    private static Path notAFolder;
    private static String api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        notAFolder = Files.createTempFile("diffyne-upload-dir-is-a-file", ".txt");
        payara = PayaraMicroProcess.start("ajax-policy", List.of("-DDIFFYNE_WS_CORS_ORIGINS=" + ALLOWED,
                "-DDIFFYNE_RATE_LIMIT=60", "-DDIFFYNE_WS_HANDSHAKE_RATE=30", "-DDIFFYNE_UPLOAD_DIR=" + notAFolder, "-DDIFFYNE_SIGNING_KEY=" + SIGNING_KEY));
        payara.awaitHealthy(URI.create("http://127.0.0.1:" + payara.port() + "/diffyne/"), Duration.ofSeconds(200));
        api = "http://127.0.0.1:" + payara.port() + "/diffyne/_diffyne/";
    }

    @AfterAll
    static void stop() throws Exception {
        if (payara != null) {
            payara.close();
        }
        Files.deleteIfExists(notAFolder);
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPreflightFromTheAllowedOriginIsAnsweredAndAnyOtherRefused() throws Exception {
        HttpResponse<String> allowed = send("OPTIONS", "update", null, "X-Forwarded-For", "203.0.113.1",
                "Origin", ALLOWED, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type,x-diffyne-client");
        assertEquals(204, allowed.statusCode());
        assertEquals(ALLOWED, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("Origin", allowed.headers().firstValue("Vary").orElse(null));
        assertEquals("GET, POST, OPTIONS", allowed.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
        assertEquals("Content-Type, Authorization, X-Diffyne-Client, X-Requested-With",
                allowed.headers().firstValue("Access-Control-Allow-Headers").orElse(null));

        HttpResponse<String> denied = send("OPTIONS", "update", null, "X-Forwarded-For", "203.0.113.1",
                "Origin", "http://evil.test", "Access-Control-Request-Method", "POST");
        assertEquals(403, denied.statusCode());
        assertFalse(denied.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertEquals("{\"s\":false,\"error\":\"Origin or method not allowed: add the page's origin to "
                + "DIFFYNE_WS_CORS_ORIGINS\",\"type\":\"security_error\"}", denied.body());
    }

    @Test
    void aCrossSiteOriginCannotRunActionsButTheSiteItselfAndAllowedOriginsCan() throws Exception {
        // a malformed body: whoever gets past the Origin check is answered 400 by the parser, not 403 by the guard
        HttpResponse<String> foreign = send("POST", "update", "{", "X-Forwarded-For", "203.0.113.2",
                "Content-Type", "application/json", "Origin", "http://evil.test");
        assertEquals(403, foreign.statusCode());
        assertEquals("{\"s\":false,\"error\":\"Cross-site request refused: its Origin is not this site and not in "
                + "DIFFYNE_WS_CORS_ORIGINS\",\"type\":\"security_error\"}", foreign.body());
        assertFalse(foreign.headers().firstValue("Access-Control-Allow-Origin").isPresent());

        HttpResponse<String> same = send("POST", "update", "{", "X-Forwarded-For", "203.0.113.2",
                "Content-Type", "application/json", "Origin", "http://127.0.0.1:" + payara.port());
        assertEquals(400, same.statusCode(), same.body());
        HttpResponse<String> allowed = send("POST", "update", "{", "X-Forwarded-For", "203.0.113.2",
                "Content-Type", "application/json", "Origin", ALLOWED);
        assertEquals(400, allowed.statusCode(), allowed.body());
        assertEquals(ALLOWED, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        HttpResponse<String> noOrigin = send("POST", "update", "{", "X-Forwarded-For", "203.0.113.2",
                "Content-Type", "application/json");
        assertEquals(400, noOrigin.statusCode(), noOrigin.body());
    }

    @Test
    void aBurstOverTheLimitIs429WithRetryAfter() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            burst.add(http.sendAsync(HttpRequest.newBuilder(URI.create(api + "update")).timeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", "203.0.113.3").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int limited = 0;
        HttpResponse<String> refusal = null;
        for (CompletableFuture<HttpResponse<String>> f : burst) {
            HttpResponse<String> response = f.join();
            if (response.statusCode() == 429) {
                limited++;
                refusal = response;
            } else {
                assertEquals(400, response.statusCode());
            }
        }
        // 12 pass at once, about one more a second
        assertTrue(limited >= 20, "limited " + limited + " of 40");
        assertTrue(refusal.headers().firstValue("Retry-After").orElse("").matches("[1-9][0-9]*"),
                refusal.headers().map().toString());
        assertTrue(refusal.body().matches("\\{\"s\":false,\"error\":\"Too many requests: retry in [0-9]+ s "
                + "\\(DIFFYNE_RATE_LIMIT\\)\",\"type\":\"rate_limited\"}"), refusal.body());
        // another client is not affected
        assertEquals(400, send("POST", "update", "{", "X-Forwarded-For", "203.0.113.4",
                "Content-Type", "application/json").statusCode());
    }

    @Test
    void aBatchCostsOneUnitPerActionAndIsRefusedWholeWithEveryRequestId() throws Exception {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 50; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"type\":\"call\",\"requestId\":\"b").append(i).append("\"}");
        }
        // a fresh client holds 12: the request takes 1, the other 49 actions (a full bucket at most) cannot be paid
        HttpResponse<String> refused = send("POST", "update", batch.append("]").toString(),
                "X-Forwarded-For", "203.0.113.7", "Content-Type", "application/json");
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").orElse("").matches("[1-9][0-9]*"));
        Matcher failure = Pattern.compile("\\{\"s\":false,\"error\":\"Too many requests: retry in [0-9]+ s "
                + "\\(DIFFYNE_RATE_LIMIT\\)\",\"type\":\"rate_limited\",\"requestId\":\"b([0-9]+)\"}").matcher(refused.body());
        List<String> ids = new ArrayList<>();
        while (failure.find()) {
            ids.add(failure.group(1));
        }
        assertEquals(50, ids.size(), refused.body());
        assertEquals("49", ids.get(49));
        // the refusal took nothing beyond the request itself: single actions still pass
        assertEquals(400, send("POST", "update", "{", "X-Forwarded-For", "203.0.113.7",
                "Content-Type", "application/json").statusCode());
    }

    /**
     * Finding 2, black box: a {@code diffyne.resume} pays for its work out of the connection's allowance (12 at once
     * here, one more a second): all its registrations up front or none, then one unit per replayed broadcast, and a
     * replay cut short says {@code complete:false} so the page re-renders instead of thinking it saw everything.
     */
    @Test
    void aResumePaysForEachRegistrationAndEachReplayedBroadcast() throws Exception {
        String room = "it-charge-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String channel = "chat." + room;
        URI base = URI.create("http://127.0.0.1:" + payara.port() + "/diffyne/");
        AjaxTestClient ajax = new AjaxTestClient(base);
        int said = 20;
        for (int i = 0; i < said; i++) {
            // each from its own address: the senders' allowances are not what this test is about
            HttpResponse<String> sent = ajax.postJson("update", Json.createObjectBuilder().add("type", "call")
                    .add("requestId", "say-" + i).add("snapshot", ajax.snapshotFromPage(chat(room, "alice"), "chat-room"))
                    .add("method", "sendMessage").add("updates", Json.createObjectBuilder().add("newMessage", "m" + i))
                    .build().toString(), "X-Forwarded-For", "198.51.100." + (10 + i));
            assertEquals(200, sent.statusCode(), sent.body());
        }
        String bob = ajax.snapshotFromPage(chat(room, "bob"), "chat-room").toString();
        String epoch;
        try (TestSocket probe = socket("198.51.100.90")) {
            probe.send(resume(List.of(bob), channel, "{\"ep\":\"oldLog00\",\"seq\":0}"));
            String resumed = probe.nextEvent("diffyne.resumed", WAIT);
            Matcher m = Pattern.compile(".*\"ep\":\"([A-Za-z0-9_-]+)\",\"seq\":" + said + ",\"complete\":false.*")
                    .matcher(resumed);
            assertTrue(m.matches(), "another log's point replays nothing and names this one: " + resumed);
            epoch = m.group(1);
        }

        try (TestSocket socket = socket("198.51.100.91")) {
            // the message takes 1 of 12: 13 registrations cannot be paid, and none is made
            socket.send(resume(java.util.Collections.nCopies(13, bob), channel, "{\"ep\":\"" + epoch + "\",\"seq\":0}"));
            String refused = socket.next(WAIT);
            assertTrue(refused.startsWith("{\"event\":\"diffyne.error\",\"data\":{\"error\":"
                    + "\"diffyne.resume registers 13 snapshots, more than this connection's allowance now"), refused);
            assertTrue(refused.contains("\"type\":\"rate_limited\""), refused);

            // one registration and then as many of the 20 missed broadcasts as the rest of the allowance pays for
            socket.send(resume(List.of(bob), channel, "{\"ep\":\"" + epoch + "\",\"seq\":0}"));
            int pushes = 0;
            String message;
            while ((message = socket.next(WAIT)).startsWith("{\"event\":\"diffyne.push\"")) {
                pushes++;
                assertTrue(message.contains("\"seq\":" + pushes + ","), "in order from the first: " + message);
            }
            assertTrue(message.startsWith("{\"event\":\"diffyne.resumed\""), message);
            assertTrue(message.contains("\"" + channel + "\":{\"ep\":\"" + epoch + "\",\"seq\":" + said
                    + ",\"complete\":false}"), "cut short, and said so: " + message);
            // 12 - 1 (the refused resume's message) - 1 (this one) - 1 (its registration) = 9, plus what refilled
            assertTrue(pushes >= 8 && pushes < said, "replayed " + pushes + " of " + said);
        }
    }

    private static String chat(String room, String name) {
        return "chat?room=" + room + "&name=" + name;
    }

    private static String resume(List<String> snapshots, String channel, String point) {
        return "{\"event\":\"diffyne.resume\",\"data\":{\"components\":[" + String.join(",", snapshots)
                + "],\"channels\":{\"" + channel + "\":" + point + "}}}";
    }

    /** A page's socket for the client at {@code address} (its own handshake allowance). */
    private static TestSocket socket(String address) throws Exception {
        URI base = URI.create("http://127.0.0.1:" + payara.port() + "/diffyne/");
        TestSocket socket = TestSocket.connect(TestSocket.wsUri(base, "token=" + TestSocket.pageToken(base)),
                java.util.Map.of("Origin", TestSocket.origin(base), "X-Forwarded-For", address));
        assertTrue(socket.next(WAIT).startsWith("{\"event\":\"diffyne.connected\""));
        return socket;
    }

    @Test
    void handshakesBeyondTheRatePerClientGet429BeforeTheUpgrade() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertTrue(upgrade("203.0.113.8").startsWith("HTTP/1.1 403"), "attempt " + i + " reaches the guard");
        }
        String limited = upgrade("203.0.113.8");
        assertTrue(limited.startsWith("HTTP/1.1 429"), limited);
        assertTrue(Pattern.compile("(?i)\r\nRetry-After: [1-9][0-9]*\r\n").matcher(limited).find(), limited);
        assertTrue(limited.endsWith("\r\n\r\n{\"s\":false,\"error\":\"Too many WebSocket handshakes: retry in "
                + limited.replaceAll("(?is).*\r\nRetry-After: ([0-9]+)\r\n.*", "$1")
                + " s (DIFFYNE_WS_HANDSHAKE_RATE)\",\"type\":\"rate_limited\"}"), limited);
        assertTrue(upgrade("203.0.113.9").startsWith("HTTP/1.1 403"), "another client has its own allowance");
    }

    /** A WebSocket upgrade without credentials (HttpClient may not send Upgrade): the whole answer as text. */
    private static String upgrade(String client) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", payara.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET /diffyne/diffyne HTTP/1.1\r\nHost: 127.0.0.1:" + payara.port()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nX-Forwarded-For: " + client
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            java.io.InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
                String text = answer.toString(StandardCharsets.UTF_8);
                int head = text.indexOf("\r\n\r\n");
                Matcher length = Pattern.compile("(?i)\r\nContent-Length: ([0-9]+)\r\n").matcher(text);
                if (head > 0 && length.find() && text.length() >= head + 4 + Integer.parseInt(length.group(1))) {
                    return text;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aValidlySignedSnapshotOfAnUnknownComponentIs404() throws Exception {
        SnapshotSigner signer = new SnapshotSigner(SIGNING_KEY.getBytes(StandardCharsets.UTF_8));
        Snapshot snapshot = signer.sign(new Snapshot("no-such-component", "AbCdEfGh1234", 1,
                Json.createObjectBuilder().add("count", 1).build(), null), null);
        String action = Json.createObjectBuilder().add("type", "call").add("requestId", "unknown-1")
                .add("snapshot", snapshot.toJson()).add("method", "increment").build().toString();
        HttpResponse<String> response = send("POST", "update", action, "X-Forwarded-For", "203.0.113.6",
                "Content-Type", "application/json");
        assertEquals(404, response.statusCode(), response.body());
        assertEquals("{\"s\":false,\"error\":\"Unknown component 'no-such-component'\",\"type\":\"not_found\","
                + "\"requestId\":\"unknown-1\"}", response.body());

        // the same snapshot with one changed value is refused before the name is even looked up
        String tampered = action.replace("\"count\":1", "\"count\":2").replace("unknown-1", "unknown-2");
        assertEquals(403, send("POST", "update", tampered, "X-Forwarded-For", "203.0.113.6",
                "Content-Type", "application/json").statusCode());
    }

    @Test
    void aServerSideFailureIsAGeneric500AndTheDetailIsLogged() throws Exception {
        JsonObject photo = new AjaxTestClient(URI.create(api).resolve("..")).snapshotFromPage("", "profile-photo");
        String body = new String(UploadForm.of(photo.toString(), "photo", "a.txt", "text/plain",
                "hello".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        HttpResponse<String> response = send("POST", "upload", body, "X-Forwarded-For", "203.0.113.5",
                "Content-Type", UploadForm.CONTENT_TYPE);
        assertEquals(500, response.statusCode());
        Matcher m = Pattern.compile("\\{\"s\":false,\"error\":\"Internal server error \\(incident ([0-9a-f]{8})\\); "
                + "the details are in the server log\",\"type\":\"server_error\"}").matcher(response.body());
        assertTrue(m.matches(), response.body());
        assertFalse(response.body().contains(notAFolder.toString()));
        String incident = m.group(1);
        String log = payara.awaitOutput(out -> out.contains("incident " + incident), Duration.ofSeconds(10));
        assertTrue(log.contains("Unexpected failure handling a Diffyne HTTP request (incident " + incident + ")"));
        assertTrue(log.contains("FileAlreadyExistsException"), "the detail is in the log");
    }
}
