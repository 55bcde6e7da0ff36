package io.diffyne.bench.micro;

import static io.diffyne.bench.micro.Clicks.JSON;
import static io.diffyne.bench.micro.Clicks.check;

import io.diffyne.demo.Todo;
import io.diffyne.diff.Differ;
import io.diffyne.state.Snapshot;
import io.diffyne.state.SnapshotSigner;
import io.diffyne.state.StateDelta;
import io.diffyne.template.TemplateOptions;
import io.diffyne.template.TemplateRenderer;
import io.diffyne.template.TemplateView;
import io.diffyne.vdom.HtmlParser;
import io.diffyne.vdom.VElement;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * In-process cost of one action, for the counter and for appending to a 100-item todo list: the whole pipeline
 * (verify → hydrate → invoke → render → parse → diff → delta → sign → JSON) over AJAX (full snapshot) and over
 * WebSocket (the connection's live copy), against a full re-render of the same HTML (the template alone, what a
 * framework that resends HTML must do at least), plus each stage alone.
 * <p>
 * {@code java io.diffyne.bench.micro.PipelineBench <out.json> [quick]}
 */
public final class PipelineBench {

    private final Clicks clicks = new Clicks();
    private final TemplateRenderer templates = new TemplateRenderer(TemplateOptions.defaults());
    private final SnapshotSigner signer = new SnapshotSigner(Clicks.SETTINGS.signingKey());
    private final WarmedLoop loop;

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
        JsonObject base = clicks.counter();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("count", 1);
        after.put("step", 1);
        return scenario(base, Clicks.INCREMENT, "\"x\":\"1\"", new TemplateView("counter", base.getString("id"),
                "counter", after, Map.of(), Map.of()));
    }

    private Map<String, Object> todo() {
        JsonObject base = clicks.todoList100();
        List<Todo> todos = new ArrayList<>();
        base.getJsonObject("state").getJsonArray("todos").forEach(v -> todos.add(new Todo(
                v.asJsonObject().getJsonNumber("id").longValue(), v.asJsonObject().getString("text"), false)));
        todos.add(new Todo(101, "Item 101", false));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("todos", todos);
        after.put("newTodo", "");
        after.put("nextId", 102L);
        Map<String, Supplier<?>> computed = Map.of("remaining", () -> 101L, "anyCompleted", () -> false);
        return scenario(base, Clicks.addTodo("Item 101"), "Item 101", new TemplateView("todo-list",
                base.getString("id"), "todo-list", after, computed, Map.of()));
    }

    private Map<String, Object> scenario(JsonObject base, JsonObject call, String expected, TemplateView rerender) {
        Map<String, Object> out = new LinkedHashMap<>();
        String id = base.getString("id");

        String first = clicks.action(base, call);
        check(first.contains("\"s\":true") && first.contains(expected), "the action did not do its work: " + first);
        JsonObject nextSnapshot = Clicks.next(base, first);
        out.put("response_bytes", first.getBytes(StandardCharsets.UTF_8).length);
        out.put("pipeline_ajax", loop.run(() -> clicks.action(base, call)));

        Clicks.Socket socket = clicks.overSocket(base);
        String overSocket = socket.action(call);
        check(overSocket.contains(expected), "the referenced action did not do its work: " + overSocket);
        out.put("pipeline_websocket", loop.run(() -> socket.action(call)));

        String html = templates.render(rerender);
        check(html.contains(expected.replace("\"x\":\"1\"", ">1<")), "the full render does not show the result");
        out.put("full_html_bytes", html.getBytes(StandardCharsets.UTF_8).length);
        out.put("full_rerender", loop.run(() -> templates.render(rerender)));

        Map<String, Object> stages = new LinkedHashMap<>();
        VElement before = (VElement) socket.held.tree();
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

    private static double ratio(Object a, Object b) {
        double x = ((Number) ((Map<?, ?>) a).get("us_per_op")).doubleValue();
        double y = ((Number) ((Map<?, ?>) b).get("us_per_op")).doubleValue();
        return Math.round(x / y * 100) / 100.0;
    }
}
