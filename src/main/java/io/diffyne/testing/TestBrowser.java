package io.diffyne.testing;

import io.diffyne.component.Component;
import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.RequestReader;
import io.diffyne.runtime.ActionResult;
import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.runtime.Channel;
import io.diffyne.runtime.ClientContext;
import io.diffyne.runtime.DiffyneRuntime;
import io.diffyne.runtime.MountResult;
import io.diffyne.vdom.HtmlParser;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One browser's page: the components mounted on it, the user it is signed in as, its client id. It does what the
 * client script does between the components of a page: the events a response dispatches are relayed, each with its
 * pass, to the page's components that listen to them ({@code to} and {@code self} respected), and their responses are
 * applied in turn. Get one from {@link TestKit#browser()} or {@link TestKit#newBrowser(String)}.
 */
public final class TestBrowser {

    /** More relayed events than this in one action is a loop between listeners, not a test. */
    static final int MAX_RELAYS = 100;
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final AtomicLong CLIENTS = new AtomicLong();

    private final TestKit kit;
    private final ClientContext context;
    private final List<TestedComponent<?>> mounted = new ArrayList<>();

    TestBrowser(TestKit kit, String principal, Channel channel) {
        this.kit = kit;
        this.context = new ClientContext("test-client-" + CLIENTS.incrementAndGet(), principal, channel, null);
    }

    /** Mounts {@code componentClass} on this page with no parameters. */
    public <C extends Component> TestedComponent<C> mount(Class<C> componentClass) {
        return mount(componentClass, Map.of());
    }

    /**
     * Mounts {@code componentClass} on this page as a page template's {@code diffyne('name', params)} would:
     * parameters naming state fields are assigned, then {@code mount(params)} runs, then the first render is signed.
     * A {@code @Lazy} component is then loaded from its placeholder's ticket, as the browser does.
     */
    public <C extends Component> TestedComponent<C> mount(Class<C> componentClass, Map<String, ?> params) {
        DiffyneRuntime runtime = kit.runtimeFor(componentClass);
        String name = kit.type(componentClass).name();
        MountResult result = runtime.mount(name, new HashMap<>(params), context);
        String ticket = HtmlParser.parse(result.html()).attributes().get("diff:lazy");
        if (ticket != null) {
            result = runtime.mountLazy(ticket, context);
        }
        TestedComponent<C> component = new TestedComponent<>(this, kit.type(componentClass),
                ClientCopy.of(result.html(), result.listeners()));
        mounted.add(component);
        return component;
    }

    /** The user this browser is signed in as; null when anonymous. */
    public String user() {
        return context.principal();
    }

    /** The components mounted on this page, in mount order. */
    public List<TestedComponent<?>> components() {
        return List.copyOf(mounted);
    }

    /**
     * One action the test asked for: sends it, applies the response, relays its events on the page, then lets the
     * kit deliver the broadcasts it fired. Every component of the kit starts a new round of received responses.
     */
    Received act(TestedComponent<?> target, JsonObjectBuilder request) {
        kit.startRound();
        int firstBroadcast = kit.server().broadcasts().size();
        JsonObject response = exchange(target, request);
        List<BroadcastMessage> all = kit.server().broadcasts();
        Received received = new Received(response, List.copyOf(all.subList(firstBroadcast, all.size())));
        target.receive(received);
        relay(target, response, new int[] {MAX_RELAYS});
        kit.deliver(firstBroadcast);
        return received;
    }

    /** A broadcast from the event stream, relayed to {@code target} with its sealed pass (and no data of its own). */
    void deliver(TestedComponent<?> target, BroadcastMessage message) {
        String pass = kit.server().broadcastPass(message.channel(), message.name(), message.data(), user());
        JsonObject response = exchange(target, Json.createObjectBuilder().add("type", "event")
                .add("event", message.name()).add("pass", pass));
        target.receive(new Received(response, List.of()));
        relay(target, response, new int[] {MAX_RELAYS});
    }

    /** A page event with the pass a component's dispatch would have given it. */
    String pagePass(String event, JsonValue data) {
        return kit.server().pagePass(event, data, user());
    }

    void startRound() {
        kit.startRound();
    }

    List<TestedComponent<?>> mounted() {
        return mounted;
    }

    private void relay(TestedComponent<?> source, JsonObject response, int[] budget) {
        JsonValue events = response.get("events");
        if (events == null || events.getValueType() != JsonValue.ValueType.ARRAY) {
            return;
        }
        for (JsonValue value : events.asJsonArray()) {
            JsonObject event = value.asJsonObject();
            String name = event.getString("name");
            String to = event.containsKey("to") ? event.getString("to") : null;
            boolean self = event.getBoolean("self", false);
            for (TestedComponent<?> receiver : List.copyOf(mounted)) {
                boolean fits = self ? receiver == source : to == null || receiver.name().equals(to);
                if (!fits || !receiver.copy().listeners().contains(name)) {
                    continue;
                }
                if (--budget[0] < 0) {
                    throw Failures.fail("More than " + MAX_RELAYS + " events relayed after one action (the last: '"
                            + name + "' to '" + receiver.name() + "'): listeners dispatching to each other in a loop?");
                }
                JsonObject answer = exchange(receiver, Json.createObjectBuilder().add("type", "event")
                        .add("event", name).add("data", event.get("data")).add("pass", event.getString("pass")));
                receiver.receive(new Received(answer, List.of()));
                relay(receiver, answer, budget);
            }
        }
    }

    /**
     * Sends one request as the wire carries it (serialized, then read by the transports' parser) with the component's
     * snapshot, and applies the response to the browser's copy. A {@code server_error} fails the test at once, with
     * the exception the component threw as the cause.
     */
    private JsonObject exchange(TestedComponent<?> target, JsonObjectBuilder request) {
        JsonObject built = request.add("requestId", "kit-" + REQUESTS.incrementAndGet())
                .add("snapshot", target.copy().snapshot()).build();
        ActionResult result;
        Throwable cause;
        try (FailureCapture capture = FailureCapture.open()) {
            result = kit.runtime().handle(RequestReader.read(built.toString()), context);
            cause = capture.thrown();
        }
        JsonObject response = Json.createReader(new StringReader(result.json())).readObject();
        if (result.error() == ErrorType.SERVER_ERROR) {
            throw Failures.fail("Component '" + target.name() + "' failed on " + describe(built) + ": "
                    + (cause == null ? response.getString("error", "") : cause.toString()), cause);
        }
        target.copy().apply(response);
        return response;
    }

    private static String describe(JsonObject request) {
        return switch (request.getString("type")) {
            case "call" -> "call(\"" + request.getString("method") + "\")";
            case "update" -> "set(\"" + request.getString("property") + "\")";
            case "event" -> "event '" + request.getString("event") + "'";
            default -> request.getString("type");
        };
    }
}
