package io.diffyne.bench.load;

import static io.diffyne.bench.load.Jsons.JSON;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.Set;

/** A protocol v2 answer back into its section-4 body, as the browser client's {@code expand} does (protocol §7). */
final class V2 {

    private static final Set<String> C_KEYS = Set.of("i", "p", "sd", "st", "h", "v", "sig", "e", "q", "g");

    private V2() {
    }

    static JsonObject expand(JsonObject answer, String id, long version) {
        JsonObjectBuilder body = JSON.createObjectBuilder().add("s", !answer.containsKey("type"));
        JsonObjectBuilder c = JSON.createObjectBuilder();
        boolean hasC = false;
        for (Map.Entry<String, JsonValue> e : answer.entrySet()) {
            if (C_KEYS.contains(e.getKey())) {
                c.add(e.getKey(), e.getValue());
                hasC = true;
            } else {
                body.add(e.getKey(), e.getValue());
            }
        }
        if (hasC) {
            if (!answer.containsKey("i")) {
                c.add("i", id);
            }
            if (!answer.containsKey("v")) {
                c.add("v", version + 1);
            }
            body.add("c", c);
        }
        return body.build();
    }
}
