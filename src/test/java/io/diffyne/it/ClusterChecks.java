package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;
import io.diffyne.transport.websocket.DemoPage;
import io.diffyne.transport.websocket.TestSocket;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14, points 1 to 3 on two real instances of a cluster on 127.0.0.1 (TCP/IP join, never multicast), one shared
 * {@code DIFFYNE_WS_KEY}; the subclasses start them. A chat message sent over one instance's
 * WebSocket reaches a client on the other; a client resuming on the other instance gets what it missed once; a
 * requestId retried on the other instance gets the first answer; an upload made on one is saved by an action on the
 * other (one shared {@code DIFFYNE_UPLOAD_DIR}); health names the bus and both members; each instance's dashboard
 * JSON lists both instances' figures, the other's moving with clicks made there (issue 18); and the instances open
 * no socket beyond loopback.
 */
@Timeout(300)
abstract class ClusterChecks {

    private static final Duration WAIT = Duration.ofSeconds(15);
    static final String KEY = "cluster-it-shared-key-0123456789";

    static final String DASHBOARD_KEY = "cluster-it-dashboard-key-0123456789";

    /** The settings that switch the dashboard on (its JSON lists every instance's figures). */
    static List<String> dashboardOn() {
        return List.of("-DDIFFYNE_DASHBOARD=true", "-DDIFFYNE_DASHBOARD_KEY=" + DASHBOARD_KEY);
    }

    /** The setting that gives both instances one upload folder, as the README's "Running a cluster" asks. */
    static String sharedUploadDir(String cluster) {
        return "-DDIFFYNE_UPLOAD_DIR=" + java.nio.file.Path.of(System.getProperty("diffyne.it.logs", "target/it-logs"),
                cluster + "-uploads").toAbsolutePath();
    }

    /** The application's root on node {@code node} (0 or 1). */
    abstract URI base(int node);

    /** The PIDs of the server JVMs. */
    abstract List<Long> pids();

    /** What health must name as the bus. */
    abstract String bus();

    static JsonObject healthData(URI base) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.resolve("_diffyne/health")).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        JsonObject health = (JsonObject) AjaxTestClient.parse(response.body());
        return health.getJsonArray("checks").getJsonObject(0).getJsonObject("data");
    }

    /** Waits until {@code base}'s health lists {@code count} grid members. */
    static void awaitMembers(URI base, int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonObject data = healthData(base);
        while (data.getJsonArray("clusterMembers").size() != count && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            data = healthData(base);
        }
        assertEquals(count, data.getJsonArray("clusterMembers").size(), data.toString());
    }

    private static String room(String name) {
        return "it-cl-" + name + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    private String snapshot(int node, String room, String name) {
        return DemoPage.get(base(node), "chat?room=" + room + "&name=" + name).snapshot("chat-room");
    }

    private TestSocket join(int node, String snapshot, String channels) {
        TestSocket socket = TestSocket.connectAsPage(base(node), TestSocket.pageToken(base(node)));
        socket.send("{\"event\":\"diffyne.resume\",\"data\":{\"components\":[" + snapshot + "],\"channels\":{"
                + channels + "}}}");
        return socket;
    }

    /** Alice says something in the room over her own socket on {@code node}; returns once the server answered. */
    private void say(int node, String room, String requestId, String text) {
        try (TestSocket alice = TestSocket.connectAsPage(base(node), TestSocket.pageToken(base(node)))) {
            alice.send("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"" + requestId
                    + "\",\"snapshot\":" + snapshot(node, room, "alice") + ",\"method\":\"sendMessage\",\"updates\":"
                    + "{\"newMessage\":\"" + text + "\"}}}");
            String response = alice.nextEvent("diffyne.response", WAIT);
            assertTrue(response.contains("\"s\":true"), response);
        }
    }

    private static String epochOf(String message) {
        return message.substring(message.indexOf("\"ep\":\"") + 6, message.indexOf("\",\"seq\""));
    }

    @Test
    void healthNamesTheBusAndBothMembers() throws Exception {
        for (int node = 0; node < 2; node++) {
            JsonObject data = healthData(base(node));
            assertEquals(bus(), data.getString("bus"), data.toString());
            assertTrue(data.getBoolean("busUp"), data.toString());
            assertEquals(2, data.getJsonArray("clusterMembers").size(), data.toString());
            assertTrue(data.getJsonArray("clusterMembers").getString(0).startsWith("127.0.0.1:"), data.toString());
        }
    }

    /** {@code <ctx>/_diffyne/metrics} of node {@code node}, with the dashboard key. */
    private static JsonObject dashboardJson(URI base) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.resolve("_diffyne/metrics")).header("X-Diffyne-Dashboard-Key", DASHBOARD_KEY).timeout(WAIT)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return (JsonObject) AjaxTestClient.parse(response.body());
    }

    /** The instance {@code node}'s JSON lists other than itself, once it lists one (each publishes every 5 s). */
    private JsonObject theOtherAsSeenBy(int node, java.util.function.Predicate<JsonObject> until) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonObject json = dashboardJson(base(node));
            List<JsonObject> listed = json.getJsonArray("instances").getValuesAs(JsonObject.class);
            assertTrue(listed.get(0).getBoolean("self"), json.toString());
            if (listed.size() == 2 && until.test(listed.get(1))) {
                assertTrue(!listed.get(1).getBoolean("self") && listed.get(1).getBoolean("up"), json.toString());
                return listed.get(1);
            }
            assertTrue(Instant.now().isBefore(deadline), "node " + node + " does not list the other: " + json);
            Thread.sleep(250);
        }
    }

    @Test
    void eachInstancesDashboardListsTheOthersFiguresAndTheyMoveWithClicksThere() throws Exception {
        JsonObject zeroSeenByOne = theOtherAsSeenBy(1, other -> true);
        JsonObject oneSeenByZero = theOtherAsSeenBy(0, other -> true);
        String zero = dashboardJson(base(0)).getJsonArray("instances").getJsonObject(0).getString("instance");
        assertEquals(zero, zeroSeenByOne.getString("instance"));
        assertTrue(!zero.equals(oneSeenByZero.getString("instance")), zero);
        assertTrue(zeroSeenByOne.getJsonNumber("heapUsedBytes").longValue() > 0, zeroSeenByOne.toString());
        assertTrue(zeroSeenByOne.getJsonNumber("heardMillisAgo").longValue() <= 20_000, zeroSeenByOne.toString());

        long before = zeroSeenByOne.getJsonNumber("actions").longValue();
        AjaxTestClient client = new AjaxTestClient(base(0));
        JsonObject counter = client.snapshotFromPage("", "counter");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = client.postJson("update",
                    AjaxTestClient.call(counter, "increment", "cl-dash-" + java.util.UUID.randomUUID()));
            assertEquals(200, response.statusCode(), response.body());
            counter = AjaxTestClient.next(counter, AjaxTestClient.object(response));
        }
        JsonObject moved = theOtherAsSeenBy(1, other -> other.getJsonNumber("actions").longValue() >= before + 3);
        assertEquals(zero, moved.getString("instance"));
    }

    @Test
    void aMessageSentOverOneInstanceReachesAClientOnTheOther() {
        String room = room("x");
        try (TestSocket bob = join(1, snapshot(1, room, "bob"), "")) {
            assertEquals("{\"event\":\"diffyne.resumed\",\"data\":{\"channels\":{}}}", bob.next(WAIT));
            say(0, room, "x1", "across the cluster");
            String push = bob.nextEvent("diffyne.push", WAIT);
            assertTrue(push.matches("\\{\"event\":\"diffyne.push\",\"data\":\\{\"channel\":\"chat." + room
                    + "\",\"ep\":\"" + WebSocketBroadcastIT.EPOCH + "\",\"seq\":1,\"responses\":\\[\\{\"s\":true,.*"),
                    push);
            assertNull(bob.poll(Duration.ofSeconds(1)), "once");
        }
    }

    @Test
    void aClientResumingOnTheOtherInstanceGetsWhatItMissedOnce() {
        String room = room("r");
        String channel = "chat." + room;
        String bobSnapshot = snapshot(0, room, "bob");
        String ep;
        try (TestSocket bob = join(0, bobSnapshot, "")) {
            bob.next(WAIT);
            say(1, room, "r1", "first");
            String push = bob.nextEvent("diffyne.push", WAIT);
            assertTrue(push.contains("\"seq\":1,"), push);
            ep = epochOf(push);
        }
        say(0, room, "r2", "missed");
        try (TestSocket bob = join(1, bobSnapshot, "\"" + channel + "\":{\"ep\":\"" + ep + "\",\"seq\":1}")) {
            String missed = bob.next(WAIT);
            assertTrue(missed.startsWith("{\"event\":\"diffyne.push\",\"data\":{\"channel\":\"" + channel
                    + "\",\"ep\":\"" + ep + "\",\"seq\":2,"), missed);
            assertEquals("{\"event\":\"diffyne.resumed\",\"data\":{\"channels\":{\"" + channel + "\":{\"ep\":\"" + ep
                    + "\",\"seq\":2,\"complete\":true}}}}", bob.next(WAIT));
            assertNull(bob.poll(Duration.ofSeconds(1)), "the missed broadcast arrives once");
        }
    }

    @Test
    void aRequestIdRetriedOnTheOtherInstanceGetsTheFirstAnswerAndAnOlderSnapshotIsStaleThere() throws Exception {
        AjaxTestClient first = new AjaxTestClient(base(0));
        AjaxTestClient other = new AjaxTestClient(base(1));
        JsonObject v1 = first.snapshotFromPage("", "counter");
        HttpResponse<String> answer = first.postJson("update", AjaxTestClient.call(v1, "increment", "cl-1"));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(2, AjaxTestClient.object(answer).getJsonObject("c").getInt("v"), answer.body());
        HttpResponse<String> retried = other.postJson("update", AjaxTestClient.call(v1, "increment", "cl-1"));
        assertEquals(answer.body(), retried.body(), "the first answer, from the other instance");

        HttpResponse<String> fork = other.postJson("update", AjaxTestClient.call(v1, "decrement", "cl-2"));
        assertEquals(409, fork.statusCode(), "version 2 was issued on the other instance: " + fork.body());
        assertTrue(fork.body().contains("\"type\":\"stale_snapshot\""), fork.body());
    }

    /**
     * Every socket of both server JVMs is on loopback: every connection (the grid's, the clients') between loopback
     * addresses, every listener (HTTP, grid, and any other, such as the H2 TCP server Payara Micro's default
     * datasource starts unless {@code payara-loopback.preboot} turns its {@code AUTO_SERVER} off) bound to loopback.
     */
    @Test
    void theInstancesTalkOnlyOnLoopback() throws Exception {
        Process ss = new ProcessBuilder("ss", "-tunapH").redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, ss.waitFor());
        int connections = 0;
        int listeners = 0;
        for (String line : out.split("\n")) {
            for (long pid : pids()) {
                if (!line.contains("pid=" + pid + ",")) {
                    continue;
                }
                String[] columns = line.trim().split("\\s+");
                String state = columns[1];
                String local = columns[4];
                String peer = columns[5];
                if (state.equals("LISTEN") || state.equals("UNCONN")) {
                    int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
                    if (ports().contains(port)) {
                        listeners++;
                    }
                    assertTrue(loopback(local), "a listener beyond loopback: " + line);
                } else {
                    connections++;
                    assertTrue(loopback(local) && loopback(peer), "talks beyond loopback: " + line);
                }
            }
        }
        assertEquals(ports().size(), listeners, "each HTTP and grid port listens once:\n" + out);
        assertTrue(connections >= 2, "the grid's connection between the instances:\n" + out);
    }

    /** The HTTP and grid ports of both instances. */
    abstract List<Integer> ports();

    private static boolean loopback(String address) {
        return address.startsWith("127.") || address.startsWith("[::ffff:127.") || address.startsWith("[::1]");
    }

    /**
     * Uploads in a cluster without sticky sessions: the file goes to one instance, the action that saves it to the
     * other; both read the one upload folder (DIFFYNE_UPLOAD_DIR), and the saved upload leaves it for both.
     */
    @Test
    void anUploadMadeOnOneInstanceIsSavedByAnActionOnTheOther() throws Exception {
        UploadClient onFirst = new UploadClient(base(0), null);
        JsonObject page = new AjaxTestClient(base(0)).snapshotFromPage("", "profile-photo");
        HttpResponse<String> uploaded = onFirst.upload(page, "photo", "me.png", "image/png", UploadClient.PNG);
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        String id = AjaxTestClient.object(uploaded).getString("id");

        UploadClient onSecond = onFirst.at(base(1));
        assertEquals(200, onSecond.preview(id).statusCode(), "the other instance does not see the upload");
        page = AjaxTestClient.next(page, AjaxTestClient.object(onSecond.action(AjaxTestClient.update(page, "photo",
                jakarta.json.Json.createValue(id), "cl-upload-1"))));
        HttpResponse<String> saved = onSecond.action(AjaxTestClient.call(page, "save", "cl-upload-2"));
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(AjaxTestClient.next(page, AjaxTestClient.object(saved)).getJsonObject("state").isNull("photo"),
                saved.body());
        assertEquals(404, onFirst.preview(id).statusCode(), "moved: the temporary upload is gone for both");
    }
}
