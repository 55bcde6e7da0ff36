package io.diffyne.bench.load;

import static io.diffyne.bench.load.Jsons.JSON;

import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figure 5 across nodes (scripts/bench-cluster.sh): the same {@link Fanout} with its receivers spread round-robin over
 * the given servers (one server: the single-node figure; three clustered ones: the broadcast crosses the grid to two
 * of them). Writes the figures and the load average before and after to a JSON file.
 * <p>
 * {@code java io.diffyne.bench.load.ClusterFanout <wsKey> <out.json> <label> <messages> <port>...}
 */
public final class ClusterFanout {

    private ClusterFanout() {
    }

    public static void main(String[] args) throws IOException {
        String key = args[0];
        Path out = Path.of(args[1]);
        int messages = Integer.parseInt(args[3]);
        List<Target> targets = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            targets.add(new Target("127.0.0.1", Integer.parseInt(args[i]), key));
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("label", args[2]);
        results.put("nodes", targets.size());
        results.put("machine", Machine.describe());
        results.put("load_before", loadAverage());
        Fanout fanout = new Fanout(targets);
        boolean failed = false;
        Map<String, Object> fan = new LinkedHashMap<>();
        results.put("fanout", fan);
        try {
            fanout.measure(100, 5, 5, false); // warm-up: JIT and the grid's first use on every node, not measured
        } catch (BenchFailure e) {
            failed = true;
            results.put("warmup_error", e.getMessage());
        }
        for (int receivers : new int[] {100, 1000}) {
            System.out.println("[bench-cluster] " + args[2] + ": " + receivers + " receivers on " + targets.size()
                    + " node(s) …");
            try {
                fan.put(String.valueOf(receivers), fanout.measure(receivers, 3, messages, false));
            } catch (BenchFailure e) {
                // a failed size is an error, never a figure; the next size still runs
                System.err.println("BENCHMARK FAILED: " + receivers + " receivers: " + e.getMessage());
                fan.put(String.valueOf(receivers), Map.of("error", e.getMessage()));
                failed = true;
            }
        }
        results.put("load_after", loadAverage());
        write(results, out);
        System.out.println("[bench-cluster] " + args[2] + ": " + fan);
        System.exit(failed ? 2 : 0);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void write(Map<String, Object> results, Path out) throws IOException {
        try (Writer w = Files.newBufferedWriter(out); var writer = JSON.createWriterFactory(
                Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(w)) {
            writer.write(JSON.createObjectBuilder(results).build());
        }
    }
}
