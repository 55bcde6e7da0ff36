package io.diffyne.testing.wire;

import io.diffyne.diff.Patch;

import io.diffyne.vdom.VComment;
import io.diffyne.vdom.VElement;
import io.diffyne.vdom.VNode;
import io.diffyne.vdom.VText;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reader of patch JSON (protocol.md section 5) with JSON-P, independent of the hand-written writers. */
public final class PatchJson {

    private PatchJson() {
    }

    public static JsonArray parseArray(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    public static List<Patch> read(String json) {
        List<Patch> patches = new ArrayList<>();
        for (JsonValue value : parseArray(json)) {
            patches.add(patch(value.asJsonObject()));
        }
        return patches;
    }

    /**
     * Reads patches in the compact form of protocol v3 (arrays; a {@code k} copy resolved into the create it stands
     * for, from the tree the earlier patches make of {@code from}).
     */
    public static List<Patch> readCompact(String json, VNode from) {
        List<Patch> patches = new ArrayList<>();
        for (JsonValue value : parseArray(json)) {
            JsonArray a = value.asJsonArray();
            JsonObject object = switch (a.getString(0)) {
                case "c", "R" -> field(a, "n");
                case "t" -> field(a, "x");
                case "o" -> field(a, "m");
                case "a" -> {
                    JsonObject set = field(a, "s");
                    yield a.size() > 3 ? Json.createObjectBuilder(set).add("r", a.get(3)).build() : set;
                }
                case "k" -> null;
                default -> field(a, "x");
            };
            patches.add(object != null ? patch(object) : copy(a, PatchApplier.apply(patches, from)));
        }
        return patches;
    }

    private static JsonObject field(JsonArray a, String name) {
        var b = Json.createObjectBuilder().add("t", a.get(0)).add("p", a.get(1));
        if (a.size() > 2) {
            b.add(name, a.get(2));
        }
        return b.build();
    }

    /** {@code ["k", path, edit…]}: the parent's child before the index (at 0: the one there) copied and edited. */
    private static Patch copy(JsonArray a, VNode tree) {
        List<Integer> path = new ArrayList<>();
        for (JsonValue index : a.getJsonArray(1)) {
            path.add(((jakarta.json.JsonNumber) index).intValueExact());
        }
        VNode parent = tree;
        for (int i : path.subList(0, path.size() - 1)) {
            parent = ((VElement) parent).children().get(i);
        }
        int at = path.get(path.size() - 1);
        VNode source = ((VElement) parent).children().get(Math.max(at - 1, 0));
        List<Object> edits = new ArrayList<>();
        for (JsonValue e : a.subList(2, a.size())) {
            edits.add(e instanceof jakarta.json.JsonNumber n ? (Object) n.intValueExact()
                    : ((jakarta.json.JsonString) e).getString());
        }
        return new Patch.Create(path, io.diffyne.protocol.CopyEdits.apply(source, edits));
    }

    private static Patch patch(JsonObject json) {
        List<Integer> path = new ArrayList<>();
        for (JsonValue index : json.getJsonArray("p")) {
            path.add(((jakarta.json.JsonNumber) index).intValueExact());
        }
        String type = json.getString("t");
        return switch (type) {
            case "c" -> new Patch.Create(path, node(json.getJsonObject("n")));
            case "r" -> new Patch.Remove(path);
            case "R" -> new Patch.Replace(path, node(json.getJsonObject("n")));
            case "t" -> new Patch.Text(path, json.getString("x"));
            case "a" -> new Patch.Attributes(path, stringMap(json.getJsonObject("s")), strings(json.getJsonArray("r")));
            case "o" -> {
                List<Patch.Move.Step> steps = new ArrayList<>();
                for (JsonValue pair : json.getJsonArray("m")) {
                    JsonArray array = pair.asJsonArray();
                    steps.add(new Patch.Move.Step(array.getInt(0), array.getInt(1)));
                }
                yield new Patch.Move(path, steps);
            }
            default -> throw new IllegalArgumentException("unknown patch type " + type);
        };
    }

    private static VNode node(JsonObject json) {
        if (json.containsKey("x")) {
            return new VText(json.getString("x"));
        }
        if (json.containsKey("m")) {
            return new VComment(json.getString("m"));
        }
        List<VNode> children = new ArrayList<>();
        if (json.containsKey("c")) {
            for (JsonValue child : json.getJsonArray("c")) {
                children.add(node(child.asJsonObject()));
            }
        }
        return new VElement(json.getString("t"), stringMap(json.getJsonObject("a")), children);
    }

    private static Map<String, String> stringMap(JsonObject json) {
        Map<String, String> map = new LinkedHashMap<>();
        if (json != null) {
            json.forEach((name, value) -> map.put(name, ((jakarta.json.JsonString) value).getString()));
        }
        return map;
    }

    private static List<String> strings(JsonArray json) {
        List<String> list = new ArrayList<>();
        if (json != null) {
            for (JsonValue value : json) {
                list.add(((jakarta.json.JsonString) value).getString());
            }
        }
        return list;
    }
}
