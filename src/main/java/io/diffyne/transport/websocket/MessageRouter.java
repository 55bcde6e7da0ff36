package io.diffyne.transport.websocket;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.metrics.Metrics;
import io.diffyne.broadcast.BroadcastBus;
import io.diffyne.broadcast.Replay;
import io.diffyne.broadcast.SequencedBroadcast;
import io.diffyne.config.DiffyneSettings;
import io.diffyne.protocol.ActionRequest;
import io.diffyne.protocol.CompactAnswers;
import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.protocol.RequestReader;
import io.diffyne.runtime.ActionResult;
import io.diffyne.runtime.BroadcastDelivery;
import io.diffyne.runtime.DiffyneRuntime;
import io.diffyne.trace.Stages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.logging.Level;

/**
 * Turns one client message into its answer: decodes the envelope, hands requests to the runtime, encodes what comes
 * back. Every problem with a message is answered with {@code diffyne.error} and the connection stays usable; only
 * our own failures are logged, never the client's bad input. Also renders broadcasts and replays for a connection.
 * Runs each message in a CDI request context, as an HTTP request would (a broadcast's listeners get theirs from the
 * runtime).
 */
@ApplicationScoped
public class MessageRouter {

    /** The longest refused component id {@code diffyne.resumed} echoes (the server's ids have 12 characters). */
    private static final int MAX_ECHOED_ID = 64;
    /** Channels one {@code diffyne.resume} may name. */
    static final int MAX_RESUME_CHANNELS = 64;
    /** Snapshots one {@code diffyne.resume} may register (a connection keeps 64 live components). */
    static final int MAX_RESUME_COMPONENTS = 64;

    private static final String RESUME_SHAPE =
            "diffyne.resume needs {\"components\":[<snapshot>,…],"
                    + "\"channels\":{\"<channel>\":{\"ep\":<epoch>,\"seq\":<last seq seen>}}}";

    private DiffyneRuntime runtime;
    private BroadcastBus bus;
    private LongSupplier wallClock;
    private Metrics metrics = Metrics.detached();

    @Inject
    public MessageRouter(DiffyneRuntime runtime, BroadcastBus bus) {
        this(runtime, bus, System::currentTimeMillis);
    }

    MessageRouter(DiffyneRuntime runtime, BroadcastBus bus, LongSupplier wallClock) {
        this.runtime = runtime;
        this.bus = bus;
        this.wallClock = wallClock;
    }

    /** For CDI's client proxy only. */
    protected MessageRouter() {
    }

    @Inject
    void recordInto(Metrics recorder) {
        this.metrics = recorder;
    }

    /** Handles one text message from {@code connection}, sending every answer through it. */
    @ActivateRequestContext
    void onText(SocketConnection connection, String text) {
        Stages.mark("cdi.router-proxy");
        connection.lock().lock();
        try {
            if (!connection.isOpen()) {
                return;
            }
            if (!connection.admit()) {
                metrics.rateLimited();
                if (connection.isOpen()) {
                    connection.send(refusal(connection, bareRequest(text), ErrorType.RATE_LIMITED,
                            "Too many messages: slow down (DIFFYNE_RATE_LIMIT)", requestIdOf(text)));
                }
                return;
            }
            Stages.mark("ws.lock+admit");
            route(connection, text);
        } finally {
            connection.lock().unlock();
        }
    }

    private void route(SocketConnection connection, String text) {
        String requestId = null;
        boolean bare = false;
        try {
            JsonStructure root = RequestReader.parse(text);
            Stages.mark("json.parse");
            if (root instanceof JsonObject o && o.get("type") instanceof JsonString) {
                // protocol v2: a request is sent as its body alone, its type naming it (an envelope has no type;
                // an event request's "event" is the event's name)
                bare = true;
                requestId = RequestReader.requestIdOf(o);
                request(connection, o);
                return;
            }
            JsonObject envelope = envelope(root);
            JsonValue data = envelope.getOrDefault("data", JsonValue.NULL);
            requestId = RequestReader.requestIdOf(data);
            String name = envelope.getString("event");
            SocketEvent event = SocketEvent.fromWire(name).orElseThrow(() -> bad("Unknown event "
                    + HandshakeGuard.printable(name) + ": send diffyne.call, diffyne.update, diffyne.ping or "
                    + "diffyne.resume"));
            switch (event) {
                case CALL, UPDATE -> request(connection, data);
                case PING -> connection.send(Envelopes.pong(pingTime(data)));
                case RESUME -> resume(connection, data);
                default -> throw bad("'" + name + "' is sent by the server, not the client");
            }
        } catch (ProtocolException e) {
            connection.send(refusal(connection, bare, e.type(), e.getMessage(), requestId));
        } catch (RuntimeException e) {
            WebSocketLog.LOG.log(Level.SEVERE, "Handling a WebSocket message from client " + connection.clientId()
                    + " failed", e);
            connection.send(refusal(connection, bare, ErrorType.SERVER_ERROR,
                    "The server failed to handle this message", requestId));
        }
    }

    /**
     * A refused message's answer: for a request sent bare on a v2 connection, the failure body in its place in the
     * order of answers; otherwise {@code diffyne.error}.
     */
    private static String refusal(SocketConnection connection, boolean bare, ErrorType type, String message,
                                  String requestId) {
        return bare && connection.protocol() >= CompactAnswers.VERSION ? CompactAnswers.failure(type, message)
                : Envelopes.error(type, message, requestId);
    }

    /** Whether {@code text} looks like a request sent bare (protocol v2), for a refusal before it is read. */
    private static boolean bareRequest(String text) {
        try {
            return RequestReader.parse(text) instanceof JsonObject o && o.get("type") instanceof JsonString;
        } catch (ProtocolException e) {
            return false;
        }
    }

    private void request(SocketConnection connection, JsonValue data) {
        if (!(data instanceof JsonObject object)) {
            throw bad("'data' must be a request object (docs/protocol.md §3)");
        }
        ActionRequest request = RequestReader.read(object);
        Stages.mark("request.read");
        ActionResult result = runtime.handle(request, connection.context());
        Stages.mark("runtime.return");
        String answer = connection.protocol() >= CompactAnswers.VERSION
                ? CompactAnswers.answer(result.json(), request.componentId(), baseVersion(request))
                : Envelopes.envelope(SocketEvent.RESPONSE, result.json());
        Stages.mark("answer.encode");
        connection.send(answer);
        Stages.mark("ws.send");
    }

    /** The version a request names (-2 when its snapshot has none: the answer then keeps {@code v}). */
    private static long baseVersion(ActionRequest request) {
        if (request.ref() != null) {
            return request.ref().version();
        }
        return request.snapshot().get("version") instanceof JsonNumber n && n.isIntegral() ? n.longValue() : -2;
    }

    /**
     * A (re)connected client names what it shows and what it has seen:
     * {@code {"components":[<snapshot>,…],"channels":{"chat.general":{"ep":"q3Xv9a_Z","seq":41}}}}. The snapshots
     * are registered as the connection's live components (so broadcasts reach them before their first action), then
     * the missed broadcasts of their channels are replayed (only within the epoch the client holds) and
     * {@code diffyne.resumed} says, per channel, the log's epoch, its latest seq and whether the replay was complete
     * (when not, the client re-renders). Channels of no registered component are skipped: a
     * client learns nothing about channels it does not listen on.
     * <p>Work is charged to the connection's rate allowance ({@code DIFFYNE_RATE_LIMIT}) beyond the message itself:
     * one unit per snapshot registered, all up front or the resume is refused with {@code rate_limited} and does
     * nothing; one per replayed broadcast, and when the allowance runs out the replay of that channel (and of every
     * later one) stops there and says {@code complete:false}. A connection that goes away stops the work between
     * units, without an answer.
     */
    private void resume(SocketConnection connection, JsonValue data) {
        if (!(data instanceof JsonObject body)) {
            throw bad(RESUME_SHAPE);
        }
        JsonObject channels = optional(body, "channels", JsonObject.class);
        JsonArray components = optional(body, "components", JsonArray.class);
        if (channels.size() > MAX_RESUME_CHANNELS) {
            throw bad("diffyne.resume may name at most " + MAX_RESUME_CHANNELS + " channels");
        }
        if (components.size() > MAX_RESUME_COMPONENTS) {
            throw bad("diffyne.resume may register at most " + MAX_RESUME_COMPONENTS + " components");
        }
        for (JsonValue component : components) {
            if (!(component instanceof JsonObject)) {
                throw bad("every entry of diffyne.resume's 'components' must be a snapshot object");
            }
        }
        Map<String, ResumePoint> points = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : channels.entrySet()) {
            points.put(entry.getKey(), ResumePoint.parse(entry.getKey(), entry.getValue()));
        }
        if (!components.isEmpty() && !connection.charge(components.size())) {
            throw new ProtocolException(ErrorType.RATE_LIMITED, "diffyne.resume registers " + components.size()
                    + " snapshots, more than this connection's allowance now (" + DiffyneSettings.RATE_LIMIT
                    + "): resume with fewer or later");
        }
        int done = 0;
        JsonArrayBuilder refused = JSON.createArrayBuilder();
        int refusals = 0;
        for (JsonValue component : components) {
            if (!connection.isOpen()) {
                stopped(connection, "after " + done + " of " + components.size() + " registrations");
                return;
            }
            ActionResult registered = runtime.register((JsonObject) component, connection.context());
            done++;
            if (!registered.success()) {
                // a stale snapshot (an answer still on its way over AJAX, or lost) or a tampered one: the client is
                // told, so the component does not stay deaf to its channels on this connection
                WebSocketLog.LOG.fine(() -> "Client " + connection.clientId() + " resumed with a refused snapshot: "
                        + registered.json());
                String id = refusedId((JsonObject) component);
                if (id != null) {
                    refused.add(JSON.createObjectBuilder().add("id", id).add("type", registered.error().wireName()));
                    refusals++;
                }
            }
        }
        Set<String> held = connection.live().channels();
        JsonObjectBuilder resumed = JSON.createObjectBuilder();
        int replayed = 0;
        for (Map.Entry<String, ResumePoint> entry : points.entrySet()) {
            if (!held.contains(entry.getKey())) {
                continue;
            }
            Replay replay = bus.since(entry.getKey(), entry.getValue().epoch(), entry.getValue().seq());
            boolean complete = replay.complete();
            for (SequencedBroadcast missed : replay.messages()) {
                if (!connection.isOpen()) {
                    stopped(connection, "after " + replayed + " replayed broadcasts");
                    return;
                }
                if (!connection.charge(1)) {
                    // out of allowance: the rest is not replayed, and complete:false makes the client re-render
                    complete = false;
                    break;
                }
                push(connection, missed, runtime.deliver(missed.message(), connection.context()));
                replayed++;
            }
            resumed.add(entry.getKey(), Envelopes.resumed(replay, complete));
        }
        metrics.replayed(replayed);
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("channels", resumed);
        if (refusals > 0) {
            answer.add("refused", refused);
        }
        connection.send(Envelopes.envelope(SocketEvent.RESUMED, answer.build().toString()));
    }

    /** A refused snapshot's {@code id} as the client named it, when it is one a component could have. */
    private static String refusedId(JsonObject snapshot) {
        JsonValue id = snapshot.get("id");
        return id instanceof JsonString text && !text.getString().isEmpty()
                && text.getString().length() <= MAX_ECHOED_ID ? text.getString() : null;
    }

    private static void stopped(SocketConnection connection, String progress) {
        WebSocketLog.LOG.info(() -> "WebSocket client " + connection.clientId() + " went away during diffyne.resume:"
                + " stopped " + progress);
    }

    private static <T extends JsonValue> T optional(JsonObject body, String key, Class<T> type) {
        JsonValue value = body.get(key);
        if (value == null || value == JsonValue.NULL) {
            return type.cast(type == JsonArray.class ? JsonValue.EMPTY_JSON_ARRAY : JsonValue.EMPTY_JSON_OBJECT);
        }
        if (!type.isInstance(value)) {
            throw bad(RESUME_SHAPE);
        }
        return type.cast(value);
    }

    /** One broadcast's delivery on this instance, shared by the connections it goes to (see {@link #deliver}). */
    BroadcastDelivery delivery(SequencedBroadcast broadcast) {
        return runtime.delivery(broadcast.message());
    }

    /** Re-renders the connection's listening components for one broadcast and pushes the results. */
    void deliver(SocketConnection connection, SequencedBroadcast broadcast) {
        deliver(connection, broadcast, delivery(broadcast));
    }

    /**
     * As above, within {@code delivery}: components of other connections holding the same type, state and tree
     * share its render. No request context of its own: the runtime runs each listener in one
     * ({@link io.diffyne.runtime.ListenerScope}), and a receiver that only signs and writes a shared render needs none.
     */
    void deliver(SocketConnection connection, SequencedBroadcast broadcast, BroadcastDelivery delivery) {
        connection.lock().lock();
        try {
            if (connection.isOpen()) {
                push(connection, broadcast, runtime.deliver(delivery, connection.context()));
            }
        } catch (RuntimeException e) {
            WebSocketLog.LOG.log(Level.SEVERE, "Delivering broadcast '" + broadcast.message().name() + "' on channel '"
                    + broadcast.channel() + "' to client " + connection.clientId() + " failed", e);
        } finally {
            connection.lock().unlock();
        }
    }

    private static void push(SocketConnection connection, SequencedBroadcast broadcast, List<ActionResult> results) {
        if (results.isEmpty()) {
            return;
        }
        List<String> bodies = new ArrayList<>(results.size());
        for (ActionResult result : results) {
            bodies.add(result.json());
        }
        connection.send(Envelopes.push(broadcast, bodies));
    }

    private long pingTime(JsonValue data) {
        // echo the client's own clock so it measures the round trip without trusting ours
        if (data instanceof JsonObject o && o.get("t") instanceof JsonNumber t && t.isIntegral()
                && t.bigIntegerValue().bitLength() <= 62) {
            return t.longValue();
        }
        return wallClock.getAsLong();
    }

    private static JsonObject envelope(JsonStructure root) {
        if (!(root instanceof JsonObject object) || !(object.get("event") instanceof JsonString)) {
            throw bad("A message must be an envelope {\"event\":\"diffyne.…\",\"data\":{…}}");
        }
        return object;
    }

    /** The requestId a refused message names, so the client can tell which request it was; null if none. */
    private static String requestIdOf(String text) {
        try {
            return RequestReader.parse(text) instanceof JsonObject envelope
                    ? RequestReader.requestIdOf(envelope.get("data")) : null;
        } catch (ProtocolException e) {
            return null;
        }
    }

    private static ProtocolException bad(String message) {
        return new ProtocolException(ErrorType.BAD_REQUEST, message);
    }
}
