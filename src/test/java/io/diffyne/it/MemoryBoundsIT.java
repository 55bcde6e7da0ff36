package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.memory.MemoryPush;
import io.diffyne.transport.websocket.TestSocket;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, finding 1, against a Payara Micro of its own (the bounds are settings read at deployment, and the heap
 * is measured in that JVM, started with {@code -Xmx512m}): memory is bounded in bytes however much a client pushes,
 * and a client address holds at most {@code DIFFYNE_WS_CONNECTIONS_PER_CLIENT} connections, given back on every
 * close. The server runs with small bounds (16 MiB of trees, 4 MiB of live components per connection, 8 MiB for all
 * connections) so a short push reaches all of them, {@code DIFFYNE_WS_IDLE_TIMEOUT=30} (a dropped connection the
 * server cannot notice gives its slot back when it goes idle), {@code DIFFYNE_RATE_LIMIT=0} and
 * {@code DIFFYNE_WS_HANDSHAKE_RATE=0} (the push and the 1,000 connects come from one address; the rate limits would
 * only slow them down, they bound no memory). {@code scripts/memory.sh} pushes 1 GB with the default bounds. The
 * same server shows the idle timeout itself: a silent connection is closed, a pinging one is not (a server start of
 * its own for that cost about 17 s).
 */
@Timeout(400)
class MemoryBoundsIT {

    private static final long MIB = 1L << 20;
    private static final long TREES = 16 * MIB;
    private static final long LIVE_PER_CONNECTION = 4 * MIB;
    private static final long LIVE_TOTAL = 8 * MIB;
    /** Bounds the runtime has of its own: remembered answers (32 MiB) and issued versions (16 MiB). */
    private static final long OTHER_CACHES = 48 * MIB;
    /** The heap after a full GC may grow by at most what the caches may hold (estimates that err high). */
    private static final long BOUND = TREES + LIVE_TOTAL + OTHER_CACHES;
    private static final long PUSH = 150_000_000L;
    private static final int CONNECTIONS = 4;
    /** A dropped connection the server did not notice holds its slot until it is idle this long. */
    private static final int IDLE_SECONDS = 30;
    /** One idle sweep period (a tenth of the timeout) plus a margin for a loaded machine. */
    private static final Duration LATEST_IDLE_CLOSE = Duration.ofSeconds(IDLE_SECONDS + 3 + 12);
    private static final Duration PING_EVERY = Duration.ofSeconds(5);
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private static PayaraMicroProcess payara;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        payara = PayaraMicroProcess.start("memory-bounds", List.of("-Xmx512m",
                "-DDIFFYNE_RATE_LIMIT=0", "-DDIFFYNE_WS_HANDSHAKE_RATE=0",
                "-DDIFFYNE_TREE_CACHE_SIZE=" + TREES, "-DDIFFYNE_WS_LIVE_SIZE=" + LIVE_PER_CONNECTION,
                "-DDIFFYNE_WS_LIVE_TOTAL_SIZE=" + LIVE_TOTAL,
                "-DDIFFYNE_WS_CONNECTIONS_PER_CLIENT=" + CONNECTIONS, "-DDIFFYNE_WS_IDLE_TIMEOUT=" + IDLE_SECONDS));
        base = URI.create("http://127.0.0.1:" + payara.port() + "/diffyne/");
        payara.awaitHealthy(base, Duration.ofSeconds(200));
    }

    @AfterAll
    static void stop() throws Exception {
        if (payara != null) {
            payara.close();
        }
    }

    @Test
    void pushingLargeStatesOneCharacterAtATimeLeavesTheHeapWithinTheBounds() throws Exception {
        MemoryPush push = new MemoryPush(base);
        push.run(5_000_000, 1, 1, 1); // warm up: classes, templates, the JIT's first compilations
        long before = usedHeap();
        MemoryPush.Result result = push.run(PUSH, 1, CONNECTIONS - 1, 2);
        long after = usedHeap();
        String figures = result.report() + String.format("; heap after a full GC %,d KiB before, %,d KiB after "
                + "(bound %,d KiB more)", before >> 10, after >> 10, BOUND >> 10);
        System.out.println("MemoryBoundsIT: " + figures);
        assertTrue(result.bytes() >= PUSH && result.ajaxBytes() > 0 && result.wsBytes() > 0, figures);
        assertTrue(after - before <= BOUND, figures);

        assertEquals(200, java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                base.resolve("_diffyne/health")).build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode());
        try (TestSocket socket = TestSocket.connectAsPage(base, TestSocket.pageToken(base))) {
            socket.send("{\"event\":\"diffyne.ping\",\"data\":{\"t\":7}}");
            assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":7}}", socket.next(Duration.ofSeconds(10)));
        }
        push.run(1_000_000, 1, 1, 1); // and it still answers the same work
        assertFalse(payara.output().contains("SEVERE"), "a SEVERE line in the server log");
    }

    @Test
    void aStateOverTheLimitIsRefusedWith413AndThePreviousSnapshotStaysValidOnBothTransports() throws Exception {
        MemoryPush push = new MemoryPush(base);
        JsonObject snapshot = push.mountTodoList();
        String tooLarge = MemoryPush.list(1_300, "over the limit").toString(); // about 290 KB, the limit is 256 KiB
        java.net.http.HttpResponse<String> refused = postUpdate(snapshot, "too-big", tooLarge);
        assertEquals(413, refused.statusCode(), refused.body());
        JsonObject body = parse(refused.body());
        assertEquals("state_too_large", body.getString("type"));
        assertEquals("too-big", body.getString("requestId"));
        assertFalse(body.containsKey("c"), "nothing to apply");
        assertTrue(body.getString("error").contains("over the limit of 262144 (DIFFYNE_MAX_STATE_SIZE)"), refused.body());
        java.net.http.HttpResponse<String> fits = postUpdate(snapshot, "fits", MemoryPush.list(10, "fits").toString());
        assertEquals(200, fits.statusCode(), "the snapshot sent before the refusal is still the newest: " + fits.body());
        assertEquals(2, parse(fits.body()).getJsonObject("c").getInt("v"));

        JsonObject held = push.mountTodoList();
        try (TestSocket socket = TestSocket.connectAsPage(base, TestSocket.pageToken(base))) {
            JsonObject first = viaSocket(socket, "{\"type\":\"update\",\"requestId\":\"w1\",\"snapshot\":" + held
                    + ",\"property\":\"newTodo\",\"value\":\"milk\"}");
            assertTrue(first.getBoolean("s"), first.toString());
            String ref = "{\"id\":\"" + held.getString("id") + "\",\"version\":2,\"sig\":\""
                    + first.getJsonObject("c").getString("sig") + "\"}";
            JsonObject big = viaSocket(socket, "{\"type\":\"update\",\"requestId\":\"w2\",\"ref\":" + ref
                    + ",\"property\":\"todos\",\"value\":" + tooLarge + "}");
            assertEquals("state_too_large", big.getString("type"), big.toString());
            assertEquals("w2", big.getString("requestId"));
            JsonObject after = viaSocket(socket, "{\"type\":\"update\",\"requestId\":\"w3\",\"ref\":" + ref
                    + ",\"property\":\"newTodo\",\"value\":\"bread\"}");
            assertTrue(after.getBoolean("s"), "the connection still holds version 2: " + after);
            assertEquals(3, after.getJsonObject("c").getInt("v"));
        }
    }

    private static java.net.http.HttpResponse<String> postUpdate(JsonObject snapshot, String requestId, String todos)
            throws IOException, InterruptedException {
        String request = "{\"type\":\"update\",\"requestId\":\"" + requestId + "\",\"snapshot\":" + snapshot
                + ",\"property\":\"todos\",\"value\":" + todos + "}";
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        base.resolve("_diffyne/update")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(request)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject viaSocket(TestSocket socket, String request) {
        socket.send("{\"event\":\"diffyne.update\",\"data\":" + request + "}");
        return parse(socket.nextEvent("diffyne.response", Duration.ofSeconds(30))).getJsonObject("data");
    }

    private static JsonObject parse(String json) {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void anAddressHoldsAtMostItsConnectionsAndEveryCloseGivesOneBack() throws Exception {
        String token = TestSocket.pageToken(base);
        assertEquals(0, TestSocket.awaitOpenConnections(base, 0, Duration.ofSeconds(20)));
        assertCapped(token);
        // the network drops: the server may not notice before the connection is idle, and holds the slot until then
        TestSocket.connectAsPage(base, token).abort();
        for (int i = 0; i < 1_000; i++) {
            TestSocket socket = TestSocket.connectAsPage(base, token);
            if (i % 2 == 0) {
                socket.close(); // a close handshake
            } else {
                socket.sendBinaryAsync(new byte[] {1}).get(10, TimeUnit.SECONDS); // the server closes, 1003
                assertEquals(1003, socket.awaitClose(Duration.ofSeconds(10)).code());
            }
        }
        assertEquals(0, TestSocket.awaitOpenConnections(base, 0, Duration.ofSeconds(IDLE_SECONDS + 30)));
        assertCapped(token); // all four slots are free again: the count went back to 0
    }

    /**
     * Idle connections are still closed now that the container's per-session idle timer is off: a silent connection
     * is closed with 1000 after {@code DIFFYNE_WS_IDLE_TIMEOUT} (within one sweep period), while one that pings stays
     * open.
     */
    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeoutAndAPingingOneIsNot() throws Exception {
        String token = TestSocket.pageToken(base);
        try (TestSocket silent = TestSocket.connectAsPage(base, token);
             TestSocket pinging = TestSocket.connectAsPage(base, token)) {
            long opened = System.nanoTime();
            long deadline = opened + LATEST_IDLE_CLOSE.toNanos();
            long nextPing = opened;
            for (int n = 0; !silent.isClosed() && System.nanoTime() < deadline; n++) {
                if (System.nanoTime() >= nextPing) {
                    pinging.send("{\"event\":\"diffyne.ping\",\"data\":{\"t\":" + n + "}}");
                    assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":" + n + "}}",
                            pinging.next(Duration.ofSeconds(10)));
                    nextPing += PING_EVERY.toNanos();
                }
                silent.poll(Duration.ofMillis(200)); // returns at once if the server says anything
            }
            long elapsed = Duration.ofNanos(System.nanoTime() - opened).toSeconds();
            assertTrue(silent.isClosed(), "the silent connection is still open after " + elapsed + " s");
            TestSocket.Closed closed = silent.awaitClose(Duration.ZERO);
            assertEquals(1000, closed.code(), closed.toString());
            assertTrue(closed.reason().contains("DIFFYNE_WS_IDLE_TIMEOUT"), closed.toString());
            assertTrue(elapsed >= IDLE_SECONDS - 1, "closed after " + elapsed + " s, before the idle timeout");
            assertFalse(pinging.isClosed(), "a connection that pings is not idle");
        }
        assertEquals(0, TestSocket.awaitOpenConnections(base, 0, Duration.ofSeconds(10)));
        // the silent client answered the sweep's ping (the JDK's WebSocket pongs by itself), so the close came on the
        // container's thread: a close from the sweep's thread races Payara's teardown (Payara issue 5432)
        // Payara writes its log from a queue, so the line may come after the close it reports
        String pong = "but the pong to an idle probe (DIFFYNE_WS_IDLE_TIMEOUT)";
        assertTrue(payara.awaitOutput(out -> out.contains(pong), Duration.ofSeconds(10)).contains(pong),
                "closed on its pong, not by the sweep");
    }

    /** Every test leaves the server log free of SEVERE lines, whichever ran first. */
    @AfterEach
    void noSevereLine() {
        assertFalse(payara.output().contains("SEVERE"), "a SEVERE line in the server log");
    }

    /** {@link #CONNECTIONS} connect, one more is refused with 429 and a JSON body before the upgrade. */
    private static void assertCapped(String token) throws Exception {
        List<TestSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                open.add(connectHoweverLate(token, i + 1));
            }
            try (TestSocket extra = TestSocket.connect(TestSocket.wsUri(base, "token=" + token),
                    Map.of("Origin", TestSocket.origin(base)))) {
                throw new AssertionError("connection " + (CONNECTIONS + 1) + " from one address was accepted");
            } catch (WebSocketHandshakeException refused) {
                assertEquals(429, refused.getResponse().statusCode());
                assertEquals("{\"s\":false,\"error\":\"Too many open WebSocket connections from this address: at most "
                        + CONNECTIONS + " (DIFFYNE_WS_CONNECTIONS_PER_CLIENT); close one first\","
                        + "\"type\":\"rate_limited\"}", String.valueOf(refused.getResponse().body()));
            }
        } finally {
            open.forEach(TestSocket::close);
        }
        assertEquals(0, TestSocket.awaitOpenConnections(base, 0, Duration.ofSeconds(20)));
    }

    /**
     * Connects once the address has a free slot. With no connection open, the only slot the server may still hold is
     * that of an upgrade whose session never opened, given back after {@code ConnectionQuota.OPEN_GRACE} (10 s) with a
     * log line saying so; anything else is a leaked slot and fails.
     */
    private static TestSocket connectHoweverLate(String token, int n) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(10 + 10).toNanos();
        String refusal = null;
        while (true) {
            try {
                TestSocket socket = TestSocket.connectAsPage(base, token);
                if (refusal != null) {
                    long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
                    System.out.println("MemoryBoundsIT: connection " + n + " waited " + waited + " ms for a slot");
                    // the log is written from a queue: the line may come after the slot it reports
                    assertTrue(payara.awaitOutput(out -> out.contains("opened no session"), Duration.ofSeconds(10))
                            .contains("opened no session"), "connection " + n + " was refused ("
                            + refusal + ") with no connection open, and admitted " + waited + " ms later, though "
                            + "no upgrade's slot was given back for want of a session");
                }
                return socket;
            } catch (AssertionError e) {
                if (!(e.getCause() instanceof WebSocketHandshakeException refused)
                        || refused.getResponse().statusCode() != 429) {
                    throw e;
                }
                refusal = String.valueOf(refused.getResponse().body());
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("connection " + n + " is still refused 20 s after the others closed: "
                            + "a leaked slot: " + refusal, e);
                }
                Thread.sleep(250);
            }
        }
    }

    /** Used heap of the server after a full GC, as {@code scripts/fuzz.sh} measures it. */
    private static long usedHeap() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher m = USED.matcher(jcmd("GC.heap_info"));
        assertTrue(m.find(), "no heap figure from jcmd");
        return Long.parseLong(m.group(1)) << 10;
    }

    private static String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(payara.pid()), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jcmd.waitFor(60, TimeUnit.SECONDS) && jcmd.exitValue() == 0, "jcmd " + command + ": " + out);
        return out;
    }
}
