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
        int rounds = 20_000;
        long sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            long serialize = 0;
            long sign = 0;
            long verify = 0;
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                JsonObject state = StateSerializer.serialize(component);
                long t1 = System.nanoTime();
                Snapshot s = signer.sign(new Snapshot("bench", "q3Xv9Tz0bA1c", i, state, null), "user");
                long t2 = System.nanoTime();
                // as on a request: the client's text is parsed, then verified
                Snapshot received = Snapshot.parse(s.toJsonString());
                boolean ok = signer.verify(received, "user");
                long t3 = System.nanoTime();
                sink += ok ? 1 : 0;
                serialize += t1 - t0;
                sign += t2 - t1;
                verify += t3 - t2;
            }
            if (warm == 2) {
                int bytes = StateSerializer.serialize(component).toString().length();
                System.out.printf("%-14s state %5d chars | serialize %7.1f µs | sign %6.1f µs | parse+verify %7.1f µs"
                                + " | total %7.1f µs%n", label, bytes, serialize / 1e3 / rounds, sign / 1e3 / rounds,
                        verify / 1e3 / rounds, (serialize + sign + verify) / 1e3 / rounds);
            }
        }
        if (sink != 3L * rounds) {
            throw new AssertionError("verification failed");
        }
    }
}
