package io.diffyne.bench.load;

import static io.diffyne.bench.load.Jsons.JSON;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Drives the demo todo list: {@code addTodo} with the typed text as a deferred model value, as the form submit sends
 * it. Each append is proven: one more item in the state, with that text, and a create patch carrying it.
 */
final class Todos {

    static final String PAGE = "/bench/page?c=todo-list";

    private Todos() {
    }

    static ComponentClient.Exchange append(ComponentClient client, String text) {
        int before = client.snapshot.state.getJsonArray("todos").size();
        ComponentClient.Exchange x = client.call("addTodo", JsonValue.EMPTY_JSON_ARRAY,
                JSON.createObjectBuilder().add("newTodo", text).build());
        var todos = client.snapshot.state.getJsonArray("todos");
        BenchFailure.check(todos.size() == before + 1, () -> "the list went from " + before + " to " + todos.size());
        BenchFailure.check(text.equals(todos.getJsonObject(before).getString("text")),
                () -> "the new item is not " + text);
        boolean created = false;
        for (JsonValue p : x.c().getJsonArray("p")) {
            if (p instanceof JsonObject patch) {
                created |= "c".equals(patch.getString("t")) && patch.get("n").toString().contains(text);
            } else {
                // protocol v3: ["c", path, node], or ["k", path, edits…] copying the item before the new one's index
                var patch = p.asJsonArray();
                String type = patch.getString(0);
                created |= "c".equals(type) && patch.get(2).toString().contains(text)
                        || "k".equals(type) && patch.getJsonArray(1).getInt(patch.getJsonArray(1).size() - 1) == before;
            }
        }
        BenchFailure.check(created, () -> "no create patch makes item " + before + " (" + text + "): "
                + x.c().getJsonArray("p"));
        return x;
    }

    /** Grows the list to {@code size} items. */
    static void seed(ComponentClient client, int size) {
        int n = client.snapshot.state.getJsonArray("todos").size();
        while (n < size) {
            append(client, "Seed item " + ++n);
        }
    }
}
