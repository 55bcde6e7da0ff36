package io.diffyne.bench.micro;

import io.diffyne.config.DiffyneSettings;
import io.diffyne.demo.Counter;
import io.diffyne.demo.Todo;
import io.diffyne.demo.TodoList;
import io.diffyne.diff.Differ;
import io.diffyne.protocol.RequestReader;
import io.diffyne.runtime.ActionResult;
import io.diffyne.runtime.Channel;
import io.diffyne.runtime.ClientContext;
import io.diffyne.runtime.DefaultDiffyneRuntime;
import io.diffyne.runtime.IssuedVersions;
import io.diffyne.runtime.LiveComponent;
import io.diffyne.runtime.LiveComponents;
import io.diffyne.runtime.meta.ComponentRegistry;
import io.diffyne.runtime.meta.PlainComponentFactory;
import io.diffyne.state.Snapshot;
import io.diffyne.state.SnapshotSigner;
import io.diffyne.state.StateDelta;
import io.diffyne.template.TemplateOptions;
import io.diffyne.template.TemplateRenderer;
import io.diffyne.template.TemplateView;
import io.diffyne.vdom.HtmlParser;
import io.diffyne.vdom.VElement;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.validation.Validation;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-process cost of one action, for the counter and for appending to a 100-item todo list: the whole pipeline
 * (verify → hydrate → invoke → render → parse → diff → delta → sign → JSON) over AJAX (full snapshot) and over
 * WebSocket (the connection's live copy), against a full re-render of the same HTML (the template alone, what a
 * framework that resends HTML must do at least), plus each stage alone.
 * <p>
 * {@code java io.diffyne.bench.micro.PipelineBench <out.json> [quick]}
 */
public final class PipelineBench {

    private static final Pattern SNAPSHOT_ATTR = Pattern.compile("diff:snapshot=\"([^\"]*)\"");
    private static final String KEY = "bench-key-0123456789abcdef";
    /** Cached: {@code Json.createX} looks the provider up on every call, which would dwarf what is measured. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final DiffyneSettings settings = DiffyneSettings.load(name -> Optional.ofNullable(
            Map.of("DIFFYNE_WS_KEY", KEY, "DIFFYNE_RATE_LIMIT", "0").get(name)));
    private final DefaultDiffyneRuntime runtime = new DefaultDiffyneRuntime(
            ComponentRegistry.of(Counter.class, TodoList.class), new PlainComponentFactory(), settings,
            Validation.buildDefaultValidatorFactory().getValidator(), message -> { }, new Forgetful());
    private final TemplateRenderer templates = new TemplateRenderer(TemplateOptions.defaults());
    private final SnapshotSigner signer = new SnapshotSigner(settings.signingKey());
    private final ClientContext ajax = new ClientContext("bench-ajax", null, Channel.AJAX, null);
    private final WarmedLoop loop;
    private long requestIds;

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

    private PipelineBench(boolean quick) {
        loop = quick ? new WarmedLoop(500, 200, 3) : new WarmedLoop(2000, 400, 5);
    }

    public static void main(String[] args) throws IOException {
        PipelineBench bench = new PipelineBench(args.length > 1 && args[1].equals("quick"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("counter", bench.counter());
        out.put("todo_append_100", bench.todo());
        try (Writer w = Files.newBufferedWriter(Path.of(args[0]));
             var writer = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(w)) {
            writer.write(JSON.createObjectBuilder(out).build());
        }
        System.out.println("[micro] " + out);
    }

    private Map<String, Object> counter() {
        JsonObject base = snapshotOf(runtime.mount("counter", Map.of(), ajax).html());
        JsonObject call = JSON.createObjectBuilder().add("type", "call").add("method", "increment")
                .add("params", JsonValue.EMPTY_JSON_ARRAY).build();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("count", 1);
        after.put("step", 1);
        return scenario(base, call, "\"x\":\"1\"", new TemplateView("counter", base.getString("id"), "counter",
                after, Map.of(), Map.of()));
    }

    private Map<String, Object> todo() {
        JsonObject base = snapshotOf(runtime.mount("todo-list", Map.of(), ajax).html());
        while (base.getJsonObject("state").getJsonArray("todos").size() < 100) {
            int n = base.getJsonObject("state").getJsonArray("todos").size() + 1;
            base = next(base, action(base, addTodo("Seed item " + n)));
        }
        List<Todo> todos = new ArrayList<>();
        base.getJsonObject("state").getJsonArray("todos").forEach(v -> todos.add(new Todo(
                v.asJsonObject().getJsonNumber("id").longValue(), v.asJsonObject().getString("text"), false)));
        todos.add(new Todo(101, "Item 101", false));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("todos", todos);
        after.put("newTodo", "");
        after.put("nextId", 102L);
        Map<String, Supplier<?>> computed = Map.of("remaining", () -> 101L, "anyCompleted", () -> false);
        return scenario(base, addTodo("Item 101"), "Item 101", new TemplateView("todo-list", base.getString("id"),
                "todo-list", after, computed, Map.of()));
    }

    private static JsonObject addTodo(String text) {
        return JSON.createObjectBuilder().add("type", "call").add("method", "addTodo")
                .add("params", JsonValue.EMPTY_JSON_ARRAY)
                .add("updates", JSON.createObjectBuilder().add("newTodo", text)).build();
    }

    private Map<String, Object> scenario(JsonObject base, JsonObject call, String expected, TemplateView rerender) {
        Map<String, Object> out = new LinkedHashMap<>();
        String id = base.getString("id");

        String first = action(base, call);
        check(first.contains("\"s\":true") && first.contains(expected), "the action did not do its work: " + first);
        JsonObject nextSnapshot = next(base, first);
        out.put("response_bytes", first.getBytes(StandardCharsets.UTF_8).length);
        out.put("pipeline_ajax", loop.run(() -> action(base, call)));

        LiveComponents live = new LiveComponents(64);
        ClientContext ws = new ClientContext("bench-ws", null, Channel.WEBSOCKET, live);
        check(runtime.register(base, ws).success(), "registering the component failed");
        LiveComponent held = live.get(id);
        JsonObject ref = JSON.createObjectBuilder().add("id", id).add("version", base.getJsonNumber("version"))
                .add("sig", base.getString("sig")).build();
        String overSocket = referenced(live, held, ws, call, ref);
        check(overSocket.contains(expected), "the referenced action did not do its work: " + overSocket);
        out.put("pipeline_websocket", loop.run(() -> referenced(live, held, ws, call, ref)));

        String html = templates.render(rerender);
        check(html.contains(expected.replace("\"x\":\"1\"", ">1<")), "the full render does not show the result");
        out.put("full_html_bytes", html.getBytes(StandardCharsets.UTF_8).length);
        out.put("full_rerender", loop.run(() -> templates.render(rerender)));

        Map<String, Object> stages = new LinkedHashMap<>();
        VElement before = (VElement) held.tree();
        VElement afterTree = HtmlParser.parse(html);
        JsonObject beforeState = base.getJsonObject("state");
        JsonObject afterState = nextSnapshot.getJsonObject("state");
        Snapshot baseSnapshot = new Snapshot(base.getString("component"), id, base.getJsonNumber("version").longValue(),
                beforeState, base.getString("sig"));
        stages.put("template_render", out.get("full_rerender"));
        stages.put("parse_html_to_vdom", loop.run(() -> HtmlParser.parse(html)));
        stages.put("diff_trees", loop.run(() -> Differ.diff(before, afterTree)));
        stages.put("state_delta", loop.run(() -> StateDelta.diff(beforeState, afterState)));
        stages.put("sign_new_state", loop.run(() -> signer.sign(new Snapshot(baseSnapshot.component(), id,
                baseSnapshot.version() + 1, afterState, null), null)));
        stages.put("verify_snapshot", loop.run(() -> signer.verify(baseSnapshot, null)));
        out.put("stages", stages);
        out.put("ratio_ajax_vs_full_rerender", ratio(out.get("pipeline_ajax"), out.get("full_rerender")));
        out.put("ratio_websocket_vs_full_rerender", ratio(out.get("pipeline_websocket"), out.get("full_rerender")));
        return out;
    }

    private String action(JsonObject snapshot, JsonObject call) {
        JsonObjectBuilder request = JSON.createObjectBuilder(call).add("requestId", "m" + ++requestIds)
                .add("snapshot", snapshot);
        ActionResult result = runtime.handle(RequestReader.read(request.build()), ajax);
        return result.json();
    }

    /** One action over the WebSocket path, each time from the same held version (put back first). */
    private String referenced(LiveComponents live, LiveComponent held, ClientContext ws, JsonObject call,
                              JsonObject ref) {
        live.put(held);
        JsonObjectBuilder request = JSON.createObjectBuilder(call).add("requestId", "w" + ++requestIds).add("ref", ref);
        return runtime.handle(RequestReader.read(request.build()), ws).json();
    }

    /** The snapshot after {@code response}, as the client computes it. */
    private static JsonObject next(JsonObject snapshot, String response) {
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

    private static double ratio(Object a, Object b) {
        double x = ((Number) ((Map<?, ?>) a).get("us_per_op")).doubleValue();
        double y = ((Number) ((Map<?, ?>) b).get("us_per_op")).doubleValue();
        return Math.round(x / y * 100) / 100.0;
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
