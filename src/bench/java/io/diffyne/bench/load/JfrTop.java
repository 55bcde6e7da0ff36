package io.diffyne.bench.load;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.diffyne.bench.load.Jsons.JSON;

/**
 * The server's top costs per benchmark phase, from its flight recording: execution samples taken while a phase ran,
 * limited to threads doing Diffyne work (a frame of {@code io.diffyne}, benchmark endpoints excluded), counted by leaf
 * method (self time) and by Diffyne method on the stack (inclusive).
 * <p>
 * {@code java io.diffyne.bench.load.JfrTop <server.jfr> <results.json> <out.json>}
 */
public final class JfrTop {

    private static final int TOP = 12;

    public static void main(String[] args) throws IOException {
        JsonObject results = ClientSnapshot.parse(Files.readString(Path.of(args[1])));
        List<RecordedEvent> samples = RecordingFile.readAllEvents(Path.of(args[0])).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null)
                .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        for (JsonValue v : results.getJsonArray("phases")) {
            JsonObject phase = v.asJsonObject();
            String name = phase.getString("name");
            if (!name.startsWith("latency") && !name.startsWith("throughput") && !name.startsWith("fanout")) {
                continue;
            }
            long from = phase.getJsonNumber("start_ms").longValue();
            long to = phase.getJsonNumber("end_ms").longValue();
            Map<String, Integer> self = new HashMap<>();
            Map<String, Integer> inclusive = new HashMap<>();
            int all = 0;
            int diffyne = 0;
            for (RecordedEvent e : samples) {
                long at = e.getStartTime().toEpochMilli();
                if (at < from || at > to) {
                    continue;
                }
                all++;
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                if (frames.isEmpty() || frames.stream().noneMatch(JfrTop::isDiffyne)) {
                    continue;
                }
                diffyne++;
                self.merge(name(frames.get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : frames) {
                    if (isDiffyne(f) && seen.add(name(f))) {
                        inclusive.merge(name(f), 1, Integer::sum);
                    }
                }
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("samples", all);
            p.put("diffyne_samples", diffyne);
            p.put("top_self", top(self, diffyne));
            p.put("top_diffyne_inclusive", top(inclusive, diffyne));
            out.put(name, p);
        }
        try (Writer w = Files.newBufferedWriter(Path.of(args[2]));
             var writer = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(w)) {
            writer.write(JSON.createObjectBuilder(out).build());
        }
    }

    private static boolean isDiffyne(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.startsWith("io.diffyne.") && !type.startsWith("io.diffyne.bench.");
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        int lambda = type.indexOf("$$Lambda");
        return (lambda > 0 ? type.substring(0, lambda) : type) + "." + f.getMethod().getName();
    }

    private static Map<String, Object> top(Map<String, Integer> counts, int total) {
        Map<String, Object> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(TOP)
                .forEach(e -> out.put(e.getKey(), Math.round(1000.0 * e.getValue() / Math.max(1, total)) / 10.0));
        return out;
    }
}
