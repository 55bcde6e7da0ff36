package io.diffyne.bench.load;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Drives the demo counter and proves each click: the count went up by one in the state and on the page. */
final class Counter {

    static final String PAGE = "/bench/page?c=counter";

    private Counter() {
    }

    static ComponentClient.Exchange click(ComponentClient client) {
        int before = client.snapshot.state.getInt("count");
        ComponentClient.Exchange x = client.call("increment", JsonValue.EMPTY_JSON_ARRAY, null);
        int after = client.snapshot.state.getInt("count");
        BenchFailure.check(after == before + 1, () -> "the counter went from " + before + " to " + after);
        JsonArray patches = x.c().getJsonArray("p");
        boolean shown = false;
        for (JsonValue p : patches) {
            if (p instanceof JsonObject patch) {
                shown |= "t".equals(patch.getString("t")) && String.valueOf(after).equals(patch.getString("x", null));
            } else {
                // protocol v3: ["t", path, text]
                JsonArray patch = p.asJsonArray();
                shown |= "t".equals(patch.getString(0)) && String.valueOf(after).equals(patch.getString(2));
            }
        }
        BenchFailure.check(shown, () -> "no text patch shows " + after + ": " + patches);
        return x;
    }
}
