package io.diffyne.bench.micro;

import io.diffyne.config.DiffyneSettings;
import io.diffyne.demo.Counter;
import io.diffyne.demo.TodoList;
import io.diffyne.metrics.Metrics;
import io.diffyne.protocol.RequestReader;
import io.diffyne.runtime.Channel;
import io.diffyne.runtime.ClientContext;
import io.diffyne.runtime.DefaultDiffyneRuntime;
import io.diffyne.runtime.IssuedVersions;
import io.diffyne.runtime.LiveComponent;
import io.diffyne.runtime.LiveComponents;
import io.diffyne.runtime.meta.ComponentFactory;
import io.diffyne.runtime.meta.ComponentRegistry;
import io.diffyne.runtime.meta.PlainComponentFactory;
import io.diffyne.state.StateDelta;
import io.diffyne.vdom.SizedTree;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.Validation;

import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A runtime wired by hand (no container) with the demo's counter and todo list, and the two actions the in-process
 * benchmarks time: a counter click and an append to a 100-item list, over AJAX (the full snapshot in every request)
 * or over WebSocket (a {@code ref} to the connection's live copy). Every timed loop replays one base snapshot, so the
 * replay protection is one that forgets.
 */
final class Clicks {

    /** Cached: {@code Json.createX} looks the provider up on every call, which would dwarf what is measured. */
    static final JsonProvider JSON = JsonProvider.provider();
    static final String KEY = "bench-key-0123456789abcdef";
    static final DiffyneSettings SETTINGS = DiffyneSettings.load(name -> Optional.ofNullable(
            Map.of("DIFFYNE_WS_KEY", KEY, "DIFFYNE_RATE_LIMIT", "0").get(name)));
    static final JsonObject INCREMENT = JSON.createObjectBuilder().add("type", "call").add("method", "increment")
            .add("params", JsonValue.EMPTY_JSON_ARRAY).build();
    private static final Pattern SNAPSHOT_ATTR = Pattern.compile("diff:snapshot=\"([^\"]*)\"");
    private static final Method RECORD_INTO = recordInto();
    private static final Field TREES = treeCacheField();
    private static final Method TREE_GET = treeCacheMethod("get", String.class);
    private static final Method TREE_PUT = treeCacheMethod("put", String.class, SizedTree.class);

    /** The baseline tree of every snapshot an AJAX action started from, to put it back for a replay. */
    private final Map<String, Object> baseTrees = new HashMap<>();

    final DefaultDiffyneRuntime runtime;
    final ClientContext ajax = new ClientContext("bench-ajax", null, Channel.AJAX, null);
    private long requestIds;

    /** The demo's counter and todo list, made by their plain constructors. */
    Clicks() {
        this(ComponentRegistry.of(Counter.class, TodoList.class), new PlainComponentFactory(), SETTINGS);
    }

    /** Other components, made by {@code factory} (which may inject what they need). */
    Clicks(ComponentRegistry components, ComponentFactory factory, DiffyneSettings settings) {
        runtime = new DefaultDiffyneRuntime(components, factory, settings,
                Validation.buildDefaultValidatorFactory().getValidator(), message -> { }, new Forgetful());
    }

    /**
     * From now on the runtime records into {@code recorder}, handed over as the container does (its initializer
     * method); until the first call, into a detached recorder of its own, as every runtime built without a container.
     */
    void recordInto(Metrics recorder) {
        try {
            RECORD_INTO.invoke(runtime, recorder);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private void keepBaseTree(String sig) {
        try {
            Object cache = TREES.get(runtime);
            Object tree = TREE_GET.invoke(cache, sig);
            if (tree != null) {
                baseTrees.put(sig, tree);
            } else if (baseTrees.containsKey(sig)) {
                TREE_PUT.invoke(cache, sig, baseTrees.get(sig));
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field treeCacheField() {
        try {
            Field f = DefaultDiffyneRuntime.class.getDeclaredField("trees");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("DefaultDiffyneRuntime.trees changed: update Clicks", e);
        }
    }

    private static Method treeCacheMethod(String name, Class<?>... parameters) {
        try {
            Method m = TREES.getType().getDeclaredMethod(name, parameters);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("TreeCache." + name + " changed: update Clicks", e);
        }
    }

    private static Method recordInto() {
        try {
            Method m = DefaultDiffyneRuntime.class.getDeclaredMethod("recordInto", Metrics.class);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("DefaultDiffyneRuntime.recordInto(Metrics) changed: update Clicks", e);
        }
    }

    /** A freshly mounted counter's snapshot. */
    JsonObject counter() {
        return snapshotOf(runtime.mount("counter", Map.of(), ajax).html());
    }

    /** A freshly mounted todo list's snapshot once it holds 100 items ("Seed item 1" …). */
    JsonObject todoList100() {
        JsonObject base = snapshotOf(runtime.mount("todo-list", Map.of(), ajax).html());
        while (base.getJsonObject("state").getJsonArray("todos").size() < 100) {
            int n = base.getJsonObject("state").getJsonArray("todos").size() + 1;
            base = next(base, action(base, addTodo("Seed item " + n)));
        }
        return base;
    }

    static JsonObject addTodo(String text) {
        return JSON.createObjectBuilder().add("type", "call").add("method", "addTodo")
                .add("params", JsonValue.EMPTY_JSON_ARRAY)
                .add("updates", JSON.createObjectBuilder().add("newTodo", text)).build();
    }

    /**
     * One action over AJAX: the request carries {@code snapshot}; the answer's JSON. The snapshot's tree is put back
     * into the tree cache first, as the WebSocket path puts back its held copy: an action forgets its base's tree
     * (the version claim refuses that snapshot from then on), and a replay that missed would time a second render,
     * which a real client, always sending the newest snapshot, never causes.
     */
    String action(JsonObject snapshot, JsonObject call) {
        keepBaseTree(snapshot.getString("sig"));
        JsonObjectBuilder request = JSON.createObjectBuilder(call).add("requestId", "m" + ++requestIds)
                .add("snapshot", snapshot);
        return runtime.handle(RequestReader.read(request.build()), ajax).json();
    }

    /** {@code base} registered on a connection of its own, as a socket's first action does. */
    Socket overSocket(JsonObject base) {
        LiveComponents live = new LiveComponents(64);
        ClientContext ws = new ClientContext("bench-ws", null, Channel.WEBSOCKET, live);
        check(runtime.register(base, ws).success(), "registering the component failed");
        JsonObject ref = JSON.createObjectBuilder().add("id", base.getString("id"))
                .add("version", base.getJsonNumber("version")).add("sig", base.getString("sig")).build();
        return new Socket(live, live.get(base.getString("id")), ws, ref);
    }

    /** A connection holding one component's live copy at the base version. */
    final class Socket {
        final LiveComponents live;
        final LiveComponent held;
        final ClientContext client;
        private final JsonObject ref;

        private Socket(LiveComponents live, LiveComponent held, ClientContext client, JsonObject ref) {
            this.live = live;
            this.held = held;
            this.client = client;
            this.ref = ref;
        }

        /** One action over the WebSocket path, each time from the same held version (put back first). */
        String action(JsonObject call) {
            live.put(held);
            JsonObjectBuilder request = JSON.createObjectBuilder(call).add("requestId", "w" + ++requestIds)
                    .add("ref", ref);
            return runtime.handle(RequestReader.read(request.build()), client).json();
        }
    }

    /** The snapshot after {@code response}, as the client computes it. */
    static JsonObject next(JsonObject snapshot, String response) {
        JsonObject r = JSON.createReader(new StringReader(response)).readObject();
        check(r.getBoolean("s"), "the action failed: " + response);
        JsonObject c = r.getJsonObject("c");
        return JSON.createObjectBuilder(snapshot).add("version", c.getJsonNumber("v"))
                .add("sig", c.getString("sig"))
                .add("state", StateDelta.apply(snapshot.getJsonObject("state"), c.getJsonArray("sd"))).build();
    }

    /** The snapshot in a mounted component's markup. */
    static JsonObject snapshotOf(String html) {
        Matcher m = SNAPSHOT_ATTR.matcher(html);
        check(m.find(), "no snapshot in " + html);
        String json = m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#39;", "'").replace("&amp;", "&");
        return JSON.createReader(new StringReader(json)).readObject();
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    /** Every loop replays one base snapshot to time the same work: the replay protection must not refuse it. */
    private static final class Forgetful implements IssuedVersions {
        @Override
        public boolean claim(String id, long base) {
            return true;
        }

        @Override
        public void release(String id, long base) {
        }

        @Override
        public boolean stale(String id, long version) {
            return false;
        }
    }
}
