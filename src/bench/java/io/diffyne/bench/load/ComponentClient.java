package io.diffyne.bench.load;

import static io.diffyne.bench.load.Jsons.JSON;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;

/**
 * One page session of one component, as the browser client drives it: over WebSocket the first action carries the
 * full snapshot and later ones a reference (the connection holds the version its last answer produced); over AJAX
 * every action carries the full snapshot. Every answer is checked and applied before the next action.
 */
final class ComponentClient {

    /**
     * One action: the texts on the wire (payloads), its round trip, send to arrival, and when it was sent
     * ({@link System#nanoTime()}: after the request's text was built, which a {@link Timeline} must not count).
     */
    record Exchange(String request, String response, long nanos, long sentAt, JsonObject c) {
    }

    private final String base;
    private final HttpClient http;
    private final Socket socket;
    final ClientSnapshot snapshot;
    private long requests;
    private boolean held;

    private ComponentClient(String base, HttpClient http, Socket socket, ClientSnapshot snapshot) {
        this.base = base;
        this.http = http;
        this.socket = socket;
        this.snapshot = snapshot;
    }

    /** Opens a page session: {@code GET pagePath}, then a WebSocket when {@code wsUrl} is not null. */
    static ComponentClient open(String base, HttpClient http, String pagePath, String wsUrl) {
        return connect(base, http, Wire.get(http, base + pagePath), wsUrl);
    }

    /** A page session from a page already fetched. */
    static ComponentClient connect(String base, HttpClient http, String html, String wsUrl) {
        ClientSnapshot snapshot = ClientSnapshot.fromPage(html);
        Socket socket = null;
        if (wsUrl != null) {
            socket = Socket.open(http, wsUrl);
            socket.next("\"diffyne.connected\"", 20_000);
        }
        return new ComponentClient(base, http, socket, snapshot);
    }

    Socket socket() {
        return socket;
    }

    /**
     * A {@code call} of {@code method}, with deferred model values when {@code updates} is not null, as the browser
     * client sends it (protocol v2): no empty {@code params}, a short requestId; over WebSocket a reference without
     * signature to the version the connection holds, or on a page's first action the mounted snapshot's reference
     * (with its signature), the full snapshot when the server answers {@code snapshot_required}.
     */
    Exchange call(String method, JsonArray params, JsonObject updates) {
        String requestId = Long.toString(++requests, 36);
        boolean mounted = socket != null && !held && snapshot.version == 1 && !refused;
        Exchange x = socket != null ? overSocket(body(method, params, updates, requestId, held ? snapshot.heldRef()
                : mounted ? snapshot.ref() : null)) : overHttp(body(method, params, updates, requestId, null));
        return x;
    }

    private boolean refused;

    private JsonObject body(String method, JsonArray params, JsonObject updates, String requestId, JsonObject ref) {
        JsonObjectBuilder body = JSON.createObjectBuilder().add("type", "call").add("method", method);
        if (updates != null) {
            body.add("updates", updates);
        }
        body.add("requestId", requestId);
        if (!params.isEmpty()) {
            body.add("params", params);
        }
        if (ref != null) {
            body.add("ref", ref);
        } else {
            body.add("snapshot", snapshot.json());
        }
        return body.build();
    }

    /** Registers the component with its connection ({@code diffyne.resume}), as the client does for listeners. */
    void resume() {
        String text = JSON.createObjectBuilder().add("event", "diffyne.resume").add("data", JSON.createObjectBuilder()
                .add("channels", JSON.createObjectBuilder()).add("components", JSON.createArrayBuilder()
                        .add(snapshot.json()))).build().toString();
        socket.send(text);
        socket.next("\"diffyne.resumed\"", 20_000);
        held = true;
    }

    private Exchange overSocket(JsonObject body) {
        String text = body.toString();
        long start = System.nanoTime();
        socket.send(text);
        Socket.Message m = socket.nextAnswer(20_000);
        long nanos = m.at() - start;
        JsonObject answer = V2.expand(ClientSnapshot.parse(m.text()), snapshot.id, snapshot.version);
        if (!answer.getBoolean("s") && "snapshot_required".equals(answer.getString("type", null))) {
            // the server no longer holds the mounted snapshot: resend in full, as the client does
            refused = true;
            JsonObjectBuilder full = JSON.createObjectBuilder(body).remove("ref").add("snapshot", snapshot.json());
            return overSocket(full.build());
        }
        JsonObject c = snapshot.apply(answer);
        held = true;
        return new Exchange(text, m.text(), nanos, start, c);
    }

    private Exchange overHttp(JsonObject body) {
        String text = body.toString();
        long start = System.nanoTime();
        HttpResponse<String> r = Wire.postJson(http, base + "/_diffyne/update", text);
        long nanos = System.nanoTime() - start;
        BenchFailure.check(r.statusCode() == 200,
                () -> "POST /_diffyne/update answered " + r.statusCode() + ": " + r.body());
        JsonObject c = snapshot.apply(ClientSnapshot.parse(r.body()));
        return new Exchange(text, r.body(), nanos, start, c);
    }

    /**
     * Waits for the push on this connection that carries {@code marker} (e.g. its channel) and applies this component's answer in it, as
     * the client does with a broadcast re-render of a component it shows (its own sender's included).
     */
    void applyPush(String marker) {
        Socket.Message m = socket.next(marker, 20_000);
        JsonObject data = ClientSnapshot.parse(m.text()).getJsonObject("data");
        boolean applied = false;
        for (var body : data.getJsonArray("responses")) {
            JsonObject response = body.asJsonObject();
            JsonObject c = response.getJsonObject("c");
            if (c != null && snapshot.id.equals(c.getString("i", null))
                    && c.getJsonNumber("v").longValue() > snapshot.version) {
                snapshot.apply(response);
                applied = true;
            }
        }
        BenchFailure.check(applied, () -> "the push carried no newer answer for this component: " + m.text());
    }

    void close() {
        if (socket != null) {
            socket.close();
        }
    }
}
