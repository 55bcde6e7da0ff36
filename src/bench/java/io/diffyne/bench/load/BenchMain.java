package io.diffyne.bench.load;

import static io.diffyne.bench.load.Jsons.JSON;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs every figure against one running server and writes them as JSON.
 * <p>
 * {@code java io.diffyne.bench.load.BenchMain <port> <wsKey> <out.json> [quick]}
 */
public final class BenchMain {

    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<Map<String, Object>> phases = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Target target = new Target("127.0.0.1", Integer.parseInt(args[0]), args[1]);
        Path out = Path.of(args[2]);
        boolean quick = args.length > 3 && args[3].equals("quick");
        BenchMain bench = new BenchMain();
        try {
            bench.run(target, out, quick);
        } catch (BenchFailure e) {
            System.err.println("BENCHMARK FAILED: " + e.getMessage());
            bench.results.put("error", e.getMessage());
            bench.write(out);
            System.exit(2);
        }
        System.exit(0);
    }

    private void run(Target target, Path out, boolean quick) throws Exception {
        int clicks = quick ? 300 : 2000;
        int warmup = quick ? 100 : 500;
        java.time.Duration warm = java.time.Duration.ofSeconds(quick ? 1 : 2);
        java.time.Duration window = java.time.Duration.ofSeconds(quick ? 2 : 5);
        Latency latency = new Latency(target, warmup, clicks);
        Throughput throughput = new Throughput(target, warm, window);
        Bytes bytes = new Bytes(target);

        results.put("load_before", loadAverage());
        // a first pass wakes up every code path (JIT, class loading) before anything is measured
        phase("warmup", () -> {
            new Latency(target, 0, quick ? 200 : 1000).webSocket();
            new Latency(target, 0, quick ? 200 : 1000).ajax();
            return null;
        });
        if (System.getProperty("bench.only", "").contains("variants")) {
            // diagnostic, only when asked for (scripts/bench.sh variants): what each container call costs
            results.put("variants", phase("variants",
                    () -> new EchoVariants(target, quick ? 100 : 1000, quick ? 2 : 25).measure()));
        }
        Map<String, Object> lat = new LinkedHashMap<>();
        lat.put("websocket", phase("latency.websocket", latency::webSocket));
        lat.put("ajax", phase("latency.ajax", latency::ajax));
        results.put("latency", lat);

        Map<String, Object> tp = new LinkedHashMap<>();
        for (int n : new int[] {16, 64}) {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("websocket", phase("throughput.websocket." + n, () -> throughput.webSocket(n)));
            level.put("ajax", phase("throughput.ajax." + n, () -> throughput.ajax(n)));
            tp.put(String.valueOf(n), level);
        }
        results.put("throughput", tp);

        results.put("bytes", phase("bytes", bytes::measure));
        results.put("client", phase("client", bytes::clientSize));
        Map<String, Object> fan = new LinkedHashMap<>();
        // in the results before it is filled: a level that fails leaves the figures of the levels before it
        results.put("fanout", fan);
        Fanout fanout = new Fanout(target);
        fan.put("100", phase("fanout.100", () -> fanout.measure(100, quick ? 10 : 50, quick ? 5 : 30, false)));
        fan.put("1000", phase("fanout.1000", () -> fanout.measure(quick ? 300 : 1000, quick ? 10 : 30, quick ? 5 : 20, false)));
        fan.put("shared_100", phase("fanout.shared.100", () -> fanout.measure(100, quick ? 10 : 50, quick ? 5 : 30, true)));
        fan.put("shared_1000", phase("fanout.shared.1000",
                // 100 messages: a p99 of 20 would be the slowest of them (the own-state level, at 0.7 s a message, keeps 20)
                () -> fanout.measure(quick ? 300 : 1000, quick ? 10 : 30, quick ? 5 : 100, true)));
        // its baseline: the same number of receivers and messages, each carrying as many characters as Diffyne's push
        Object shared = fan.get("shared_1000");
        // (355: what it carried when last measured, for a run of this phase alone)
        int pushChars = shared instanceof Map<?, ?> m && m.get("push_chars_mean") instanceof Number n ? n.intValue() : 355;
        fan.put("raw_1000", phase("fanout.raw.1000", () -> new RawFanout(target)
                .measure(quick ? 300 : 1000, quick ? 10 : 30, quick ? 5 : 100, pushChars)));
        // last: thousands of connections opened and closed disturb whatever would run after them
        results.put("heap", phase("heap", () -> new Heap(target, quick ? new int[] {100, 300} : new int[] {500, 2000})
                .measure()));
        results.put("load_after", loadAverage());
        write(out);
    }

    /**
     * The 1-minute load average (Linux), recorded because client and server share the machine with whatever else
     * runs: figures taken under a load far above the core count are noisy, though each ratio's two sides share it.
     */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private <T> T phase(String name, Callable<T> work) throws Exception {
        String only = System.getProperty("bench.only");
        // -Dbench.only=a,b: only the phases whose names start with one of them
        if (only != null && java.util.Arrays.stream(only.split(",")).noneMatch(name::startsWith)) {
            return null;
        }
        long start = System.currentTimeMillis();
        System.out.println("[bench] " + name + " …");
        T value = work.call();
        long end = System.currentTimeMillis();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("start_ms", start);
        p.put("end_ms", end);
        phases.add(p);
        System.out.println("[bench] " + name + " done in " + (end - start) + " ms");
        return value;
    }

    /** Drops the figures of phases left out with -Dbench.only. */
    private static void prune(Map<?, ?> map) {
        map.values().removeIf(java.util.Objects::isNull);
        map.values().forEach(v -> {
            if (v instanceof Map<?, ?> m) {
                prune(m);
            }
        });
    }

    private void write(Path out) throws IOException {
        results.put("phases", phases);
        prune(results);
        JsonObject json = JSON.createObjectBuilder(results).build();
        JsonWriterFactory factory = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        try (Writer w = Files.newBufferedWriter(out); var writer = factory.createWriter(w)) {
            writer.write(json);
        }
    }
}
