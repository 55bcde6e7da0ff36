package io.diffyne.bench.load;

import static io.diffyne.bench.load.Jsons.JSON;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonPatchBuilder;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the browser client keeps per component: the latest signed snapshot, updated from each answer's state delta
 * exactly as {@code component.js} does. Example:
 * {@code {"component":"counter","id":"sUXxuTVJUDS_","version":1,"state":{"count":0,"step":1},"sig":"j8Tl…"}}
 */
final class ClientSnapshot {

    private static final Pattern SNAPSHOT_ATTR = Pattern.compile("diff:snapshot=\"([^\"]*)\"");

    final String component;
    final String id;
    long version;
    JsonObject state;
    String sig;

    private ClientSnapshot(JsonObject json) {
        component = json.getString("component");
        id = json.getString("id");
        version = json.getJsonNumber("version").longValue();
        state = json.getJsonObject("state");
        sig = json.getString("sig");
    }

    /** The first component snapshot of a page's HTML. */
    static ClientSnapshot fromPage(String html) {
        Matcher m = SNAPSHOT_ATTR.matcher(html);
        BenchFailure.check(m.find(), "the page has no diff:snapshot attribute");
        String json = m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#39;", "'").replace("&amp;", "&");
        return new ClientSnapshot(parse(json));
    }

    static JsonObject parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    JsonObject json() {
        return JSON.createObjectBuilder().add("component", component).add("id", id).add("version", version)
                .add("state", state).add("sig", sig).build();
    }

    JsonObject ref() {
        return JSON.createObjectBuilder().add("id", id).add("version", version).add("sig", sig).build();
    }

    /** The reference to the version the connection holds (protocol v2: the connection knows its signature). */
    JsonObject heldRef() {
        return JSON.createObjectBuilder().add("id", id).add("version", version).build();
    }

    /**
     * Checks a section-4 success answer for this component and applies it: version one higher, a signature, the
     * state delta applied to the local copy. Returns the answer's {@code c}.
     */
    JsonObject apply(JsonObject response) {
        BenchFailure.check(response.getBoolean("s", false), () -> "the server refused an action: " + response);
        JsonObject c = response.getJsonObject("c");
        BenchFailure.check(c != null && id.equals(c.getString("i", null)),
                () -> "answer for another component: " + response);
        long v = c.getJsonNumber("v").longValue();
        BenchFailure.check(v == version + 1, () -> "version " + v + " after " + version);
        if (c.containsKey("st")) {
            state = c.getJsonObject("st");
        } else {
            state = applyDelta(state, c.getJsonArray("sd"));
        }
        version = v;
        sig = c.getString("sig");
        return c;
    }

    private static JsonObject applyDelta(JsonObject state, JsonArray delta) {
        if (delta == null || delta.isEmpty()) {
            return state;
        }
        JsonPatchBuilder patch = JSON.createPatchBuilder();
        for (JsonValue v : delta) {
            JsonArray op = v.asJsonArray();
            String pointer = op.getString(1);
            switch (op.getString(0)) {
                case "a" -> patch.add(pointer, op.get(2));
                case "p" -> patch.replace(pointer, op.get(2));
                case "r" -> patch.remove(pointer);
                default -> throw new BenchFailure("unknown state delta op " + op);
            }
        }
        return patch.build().apply(state);
    }
}
