package io.diffyne.state;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: a quick timing loop for the report (run its main with the test class path). Prints microseconds per
 * serialize + sign + verify for a counter and for a 100-item list, and what {@code Json.createDiff} does on append.
 */
public final class StateBench {

    public record Item(int id, String name, boolean done) {
    }

    public static class Counter {
        public int count = 41;
    }

    public static class TodoList {
        public String draft = "";
        public List<Item> items = new ArrayList<>();
    }

    public static void main(String[] args) {
        SnapshotSigner signer = new SnapshotSigner("bench-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        Counter counter = new Counter();
        TodoList todos = new TodoList();
        for (int i = 0; i < 100; i++) {
            todos.items.add(new Item(i, "item number " + i, i % 3 == 0));
        }
        run("counter", counter, signer);
        run("100-item list", todos, signer);

        JsonObject before = StateSerializer.serialize(todos);
        todos.items.add(new Item(100, "item number 100", false));
        JsonObject after = StateSerializer.serialize(todos);
        System.out.println("StateDelta on append:      " + CanonicalJson.write(StateDelta.diff(before, after)));
        String parsson = Json.createDiff(before, after).toJsonArray().toString();
        System.out.println("Json.createDiff on append: " + parsson.length() + " chars: "
                + (parsson.length() > 300 ? parsson.substring(0, 300) + "…" : parsson));
        for (int n : new int[] {1000, 4000}) {
            JsonObject x = strings(n, null);
            JsonObject y = strings(n, "changed");
            for (int warm = 0; warm < 3; warm++) {
                long t0 = System.nanoTime();
                var ours = StateDelta.diff(x, y);
                long t1 = System.nanoTime();
                String theirs;
                try {
                    theirs = Json.createDiff(x, y).toJsonArray().toString();
                } catch (StackOverflowError e) {
                    theirs = "StackOverflowError";
                }
                long t2 = System.nanoTime();
                if (warm == 2) {
                    System.out.printf("one edit in %d strings: StateDelta %.2f ms %s | Json.createDiff %.1f ms %s%n",
                            n, (t1 - t0) / 1e6, CanonicalJson.write(ours), (t2 - t1) / 1e6, theirs);
                }
            }
        }
    }

    private static JsonObject strings(int n, String middle) {
        var b = Json.createArrayBuilder();
        for (int i = 0; i < n; i++) {
            b.add(i == n / 2 && middle != null ? middle : "value " + i);
        }
        return Json.createObjectBuilder().add("l", b).build();
    }

    private static void run(String label, Object component, SnapshotSigner signer) {
        JsonObject state = StateSerializer.serialize(component);
        Snapshot signed = signer.sign(new Snapshot("bench", "q3Xv9Tz0bA1c", 1, state, null), "user");
        String wire = signed.toJsonString();
        int rounds = state.size() > 1 ? 5_000 : 100_000;
        long sink = 0;
        double serialize = 0;
        double sign = 0;
        double verify = 0;
        for (int window = 0; window < 6; window++) { // the first windows warm the JIT up; the last one is reported
            long t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                sink += StateSerializer.serialize(component).size();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                sink += signer.sign("bench", "q3Xv9Tz0bA1c", i, state, "user").length();
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                // as on a request: the client's text is parsed, then verified
                sink += signer.verify(Snapshot.parse(wire), "user") ? 1 : 0;
            }
            long t3 = System.nanoTime();
            serialize = (t1 - t0) / 1e3 / rounds;
            sign = (t2 - t1) / 1e3 / rounds;
            verify = (t3 - t2) / 1e3 / rounds;
        }
        System.out.printf("%-14s snapshot %5d chars | serialize %6.1f µs | sign %6.1f µs | parse+verify %6.1f µs"
                + " | total %6.1f µs%n", label, wire.length(), serialize, sign, verify, serialize + sign + verify);
        if (sink == 0) {
            throw new AssertionError();
        }
    }
}
