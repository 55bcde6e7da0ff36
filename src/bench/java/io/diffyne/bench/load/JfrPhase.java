package io.diffyne.bench.load;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where every server thread's time went in one benchmark phase, Diffyne's or not: execution samples of the phase's
 * window counted by thread (its name with numbers dropped, so a pool is one row), by leaf method, and by method
 * anywhere on the stack. {@link JfrTop} keeps to Diffyne's threads; a broadcast's cost is also in the container's
 * selector and writer threads, which this shows.
 * <p>
 * {@code java io.diffyne.bench.load.JfrPhase <server.jfr> <results.json> <phase> [rows]}: prints three lists. Instead
 * of a phase's name, a figure's path in the results (e.g. {@code fanout.shared_1000}) whose figure gives the window of
 * its measured part ({@code measured_from_ms}, {@code measured_to_ms}), or one side of a throughput level (e.g.
 * {@code throughput.64.ajax.jaxrs_echo}) whose {@code measured_windows_ms} are its turns.
 */
public final class JfrPhase {

    public static void main(String[] args) throws IOException {
        JsonObject results = ClientSnapshot.parse(Files.readString(Path.of(args[1])));
        String wanted = args[2];
        int rows = args.length > 3 ? Integer.parseInt(args[3]) : 25;
        List<long[]> windows = new ArrayList<>();
        for (JsonValue v : results.getJsonArray("phases")) {
            JsonObject phase = v.asJsonObject();
            if (phase.getString("name").equals(wanted)) {
                windows.add(new long[] {phase.getJsonNumber("start_ms").longValue(),
                        phase.getJsonNumber("end_ms").longValue()});
            }
        }
        if (windows.isEmpty() && Report.at(results, wanted) instanceof JsonObject figure) {
            if (figure.containsKey("measured_from_ms")) {
                // a figure that says when its measured part ran (the fan-out's messages, without the connecting)
                windows.add(new long[] {figure.getJsonNumber("measured_from_ms").longValue(),
                        figure.getJsonNumber("measured_to_ms").longValue()});
            } else if (figure.containsKey("measured_windows_ms")) {
                // one side of a throughput level (its measured windows, the other sides' turns left out)
                for (JsonValue w : figure.getJsonArray("measured_windows_ms")) {
                    windows.add(new long[] {w.asJsonArray().getJsonNumber(0).longValue(),
                            w.asJsonArray().getJsonNumber(1).longValue()});
                }
            }
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("no phase " + wanted + " in " + args[1]);
        }
        long span = windows.stream().mapToLong(w -> w[1] - w[0]).sum();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int all = 0;
        try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                    continue;
                }
                long at = e.getStartTime().toEpochMilli();
                if (windows.stream().noneMatch(w -> at >= w[0] && at <= w[1])) {
                    continue;
                }
                all++;
                String thread = e.getThread("sampledThread") == null ? "?"
                        : e.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : Boolean.getBoolean("jfr.eachThread") ? thread
                        : thread.replaceAll("[0-9]+", "#"), 1, Integer::sum);
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                self.merge(name(frames.get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : frames) {
                    if (seen.add(name(f))) {
                        inclusive.merge(name(f), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("%s: %d samples in %d ms%n", wanted, all, span);
        print("threads", threads, all, rows);
        print("self", self, all, rows);
        print("on the stack", inclusive, all, rows * 2);
    }

    private static void print(String title, Map<String, Integer> counts, int total, int rows) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(rows).forEach(e ->
                System.out.printf("%6.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        int lambda = type.indexOf("$$Lambda");
        return (lambda > 0 ? type.substring(0, lambda) : type) + "." + f.getMethod().getName();
    }
}
