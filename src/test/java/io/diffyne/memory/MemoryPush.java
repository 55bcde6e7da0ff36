package io.diffyne.memory;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.transport.websocket.TestSocket;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The attack of issue 12, finding 1, as a client would make it: mount demo todo lists (their {@code todos} are not
 * {@code @Locked}), set each to a list of {@link #ITEMS} items, then change one character of one item per request, so
 * every answer is a new state and a new tree for the server to keep. Half the bytes go over AJAX with the full
 * snapshot each time, half over WebSocket connections (by reference, each connection holding several components).
 * Every answer must be a success; anything else stops the run with what the server said. Used by
 * {@code MemoryBoundsIT} (a short push) and {@code scripts/memory.sh} ({@code main}, 1 GB).
 */
public final class MemoryPush {

    /** Items per list, each with a text of {@link #TEXT} characters: a state of about 220 KB, under the default
     * DIFFYNE_MAX_STATE_SIZE; long texts carry many bytes per item rendered, so the push is quicker per byte. */
    public static final int ITEMS = 1_000;
    static final int TEXT = 180;
    private static final String FILLER = "the quick brown fox jumps over the lazy dog ".repeat(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What was pushed: bytes sent per transport, requests, and the time it took. */
    public record Result(long ajaxBytes, long wsBytes, long requests, Duration elapsed) {
        public long bytes() {
            return ajaxBytes + wsBytes;
        }

        public String report() {
            return String.format("pushed %,d bytes (AJAX %,d, WebSocket %,d) in %,d requests, %.1f s (%.1f MB/s)",
                    bytes(), ajaxBytes, wsBytes, requests, elapsed.toMillis() / 1000.0,
                    bytes() / 1e6 / Math.max(0.001, elapsed.toMillis() / 1000.0));
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong requests = new AtomicLong();

    public MemoryPush(URI base) {
        this.base = base;
    }

    /**
     * Pushes at least {@code bytes}: {@code ajaxLanes} AJAX lanes of {@code components} lists each and
     * {@code sockets} WebSocket connections of {@code components} lists each, all at once, each lane sending its
     * share.
     */
    public Result run(long bytes, int ajaxLanes, int sockets, int components) throws Exception {
        long start = System.nanoTime();
        int lanes = ajaxLanes + sockets;
        long share = bytes / lanes + 1;
        AtomicLong ajax = new AtomicLong();
        AtomicLong ws = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(lanes);
        try {
            String token = sockets > 0 ? TestSocket.pageToken(base) : null;
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < lanes; i++) {
                boolean socket = i >= ajaxLanes;
                int lane = i;
                running.add(pool.submit(() -> {
                    lane(lane, socket ? token : null, components, share, socket ? ws : ajax);
                    return null;
                }));
            }
            for (Future<?> lane : running) {
                lane.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(ajax.get(), ws.get(), requests.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** One lane: its own lists, over AJAX ({@code token} null) or one WebSocket connection. */
    private void lane(int lane, String token, int components, long share, AtomicLong sent) throws Exception {
        List<JsonObject> snapshots = new ArrayList<>();
        for (int i = 0; i < components; i++) {
            snapshots.add(mountTodoList());
        }
        List<JsonArray> lists = new ArrayList<>();
        for (int i = 0; i < components; i++) {
            lists.add(list(lane, i, 0));
        }
        try (TestSocket socket = token == null ? null : TestSocket.connectAsPage(base, token)) {
            boolean[] held = new boolean[components];
            long mine = 0;
            for (long n = 0; mine < share; n++) {
                int c = (int) (n % components);
                JsonArray todos = n < components ? lists.get(c) : changeOneCharacter(lists.get(c), n);
                lists.set(c, todos);
                JsonObject snapshot = snapshots.get(c);
                String requestId = "m" + lane + "-" + n;
                JsonObject request = JSON.createObjectBuilder()
                        .add("type", "update").add("requestId", requestId)
                        .add(socket != null && held[c] ? "ref" : "snapshot", socket != null && held[c]
                                ? JSON.createObjectBuilder().add("id", snapshot.getString("id"))
                                        .add("version", snapshot.getJsonNumber("version").longValue())
                                        .add("sig", snapshot.getString("sig")).build()
                                : snapshot)
                        .add("property", "todos").add("value", todos).build();
                String text = socket == null ? request.toString()
                        : "{\"event\":\"diffyne.update\",\"data\":" + request + "}";
                JsonObject answer = socket == null ? ajax(text) : viaSocket(socket, text);
                int length = text.getBytes(StandardCharsets.UTF_8).length;
                mine += length;
                sent.addAndGet(length);
                requests.incrementAndGet();
                if (!answer.getBoolean("s", false) && socket != null
                        && "snapshot_required".equals(answer.getString("type", ""))) {
                    held[c] = false; // the connection let it go (its bounds): resend with the full snapshot
                    n--;
                    continue;
                }
                if (!answer.getBoolean("s", false) || !(answer.get("c") instanceof JsonObject c2)) {
                    throw new AssertionError("request " + requestId + " was refused: " + cut(answer.toString()));
                }
                snapshots.set(c, next(snapshot, todos, c2));
                held[c] = socket != null;
            }
        }
    }

    private JsonObject ajax(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("_diffyne/update"))
                .timeout(TIMEOUT).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return parse(response.body(), "HTTP " + response.statusCode());
    }

    private static JsonObject viaSocket(TestSocket socket, String text) {
        socket.send(text);
        JsonObject envelope = parse(socket.next(TIMEOUT), "WebSocket");
        JsonObject data = envelope.getJsonObject("data");
        // diffyne.error carries a failure without the "s" member
        return "diffyne.error".equals(envelope.getString("event", ""))
                ? JSON.createObjectBuilder(data).add("s", false).build() : data;
    }

    /** A fresh todo list from the demo page: its signed snapshot. */
    public JsonObject mountTodoList() throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(base).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        for (Element element : Jsoup.parse(page.body()).getAllElements()) {
            if ("todo-list".equals(element.attr("diff:component")) && element.hasAttr("diff:snapshot")) {
                return parse(element.attr("diff:snapshot"), "the todo list's snapshot");
            }
        }
        throw new AssertionError("no todo list on the demo page: HTTP " + page.statusCode());
    }

    /** The items as the server serializes a {@code Todo}: completed, id, text. */
    static JsonArray list(int lane, int component, long round) {
        return list(ITEMS, "lane " + lane + " list " + component + " round " + round);
    }

    /** {@code count} items whose texts start with {@code tag}, {@link #TEXT} characters each. */
    public static JsonArray list(int count, String tag) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (int i = 0; i < count; i++) {
            items.add(JSON.createObjectBuilder().add("completed", i % 5 == 0).add("id", i + 1)
                    .add("text", text(tag + " item " + i)));
        }
        return items.build();
    }

    private static String text(String head) {
        return (head + " " + FILLER).substring(0, TEXT);
    }

    /** The list with one character of one item's text changed. */
    static JsonArray changeOneCharacter(JsonArray todos, long n) {
        int index = (int) (n * 7919 % todos.size());
        JsonObject item = todos.getJsonObject(index);
        String text = item.getString("text");
        char[] chars = text.toCharArray();
        int at = (int) (n % chars.length);
        chars[at] = chars[at] == 'x' ? 'y' : 'x';
        JsonArrayBuilder changed = JSON.createArrayBuilder();
        for (int i = 0; i < todos.size(); i++) {
            changed.add(i == index ? JSON.createObjectBuilder(item).add("text", new String(chars)).build()
                    : todos.get(i));
        }
        return changed.build();
    }

    /** The snapshot after the answer: the state the client set, the version and signature the server issued. */
    private static JsonObject next(JsonObject snapshot, JsonArray todos, JsonObject c) {
        JsonObject state = JSON.createObjectBuilder(snapshot.getJsonObject("state")).add("todos", todos).build();
        return JSON.createObjectBuilder(snapshot).add("version", c.getJsonNumber("v").longValue())
                .add("sig", c.getString("sig")).add("state", state).build();
    }

    private static JsonObject parse(String text, String what) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new AssertionError(what + " answered no JSON object: " + cut(text));
    }

    private static String cut(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    /**
     * {@code MemoryPush <base URL> <bytes> [ajax lanes] [sockets] [components per lane]}: pushes and prints what it
     * pushed.
     */
    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        long bytes = Long.parseLong(args[1]);
        int ajax = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int sockets = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int components = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        System.out.println(new MemoryPush(base).run(bytes, ajax, sockets, components).report());
    }
}
