package io.diffyne.testing;

import io.diffyne.state.StateDelta;
import io.diffyne.testing.wire.PatchApplier;
import io.diffyne.testing.wire.PatchJson;
import io.diffyne.vdom.HtmlParser;
import io.diffyne.vdom.VElement;
import io.diffyne.vdom.VNode;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the browser holds of one mounted component, and how it keeps it: the signed snapshot it sends back, and the
 * tree it shows, both updated from every response as the client script does (patches applied in order, the state
 * delta applied, the new version and signature kept, the whole HTML of a {@code render} taken as is).
 */
final class ClientCopy {

    private final String name;
    private final Set<String> listeners;
    private final Set<String> channels = new LinkedHashSet<>();
    private JsonObject snapshot;
    private VElement tree;

    private ClientCopy(String name, VElement tree, JsonObject snapshot, Set<String> listeners) {
        this.name = name;
        this.tree = tree;
        this.snapshot = snapshot;
        this.listeners = Set.copyOf(listeners);
    }

    /** The copy of a component from its mount markup (docs/protocol.md §1). */
    static ClientCopy of(String html, Set<String> listeners) {
        VElement root = HtmlParser.parse(html);
        Map<String, String> attributes = root.attributes();
        String snapshotJson = attributes.get("diff:snapshot");
        if (snapshotJson == null) {
            throw Failures.fail("The mounted markup has no diff:snapshot: " + html);
        }
        ClientCopy copy = new ClientCopy(attributes.get("diff:component"), root, parse(snapshotJson), listeners);
        String channels = attributes.get("diff:channels");
        if (channels != null) {
            Json.createReader(new StringReader(channels)).readArray()
                    .forEach(c -> copy.channels.add(((JsonString) c).getString()));
        }
        return copy;
    }

    String name() {
        return name;
    }

    String id() {
        return snapshot.getString("id");
    }

    long version() {
        return snapshot.getJsonNumber("version").longValue();
    }

    JsonObject snapshot() {
        return snapshot;
    }

    JsonObject state() {
        return snapshot.getJsonObject("state");
    }

    VElement tree() {
        return tree;
    }

    Set<String> listeners() {
        return listeners;
    }

    Set<String> channels() {
        return channels;
    }

    /** Applies a response's {@code c} (a failure without one leaves the copy as it was). */
    void apply(JsonObject response) {
        JsonValue c = response.get("c");
        if (c == null || c.getValueType() != JsonValue.ValueType.OBJECT) {
            return;
        }
        JsonObject update = c.asJsonObject();
        if (update.containsKey("h")) {
            tree = HtmlParser.parse(update.getString("h"));
        } else if (update.containsKey("p")) {
            VNode patched;
            try {
                patched = PatchApplier.apply(PatchJson.read(update.getJsonArray("p").toString()), tree);
            } catch (RuntimeException e) {
                throw Failures.fail("The patches of the response do not apply to the tree the browser shows: "
                        + e.getMessage() + "\npatches: " + update.getJsonArray("p") + "\ntree: " + tree.toHtml(Map.of()), e);
            }
            if (!(patched instanceof VElement element)) {
                throw Failures.fail("The patches replaced the component's root element with a text: " + patched);
            }
            tree = element;
        }
        JsonObject state = update.containsKey("st") ? update.getJsonObject("st")
                : update.containsKey("sd") ? StateDelta.apply(state(), update.getJsonArray("sd")) : state();
        var next = Json.createObjectBuilder(snapshot).add("state", state);
        if (update.containsKey("v")) {
            next.add("version", update.getJsonNumber("v")).add("sig", update.getString("sig"));
        }
        snapshot = next.build();
        if (update.containsKey("g")) {
            channels.clear();
            channels.addAll(update.getJsonObject("g").keySet());
        }
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
