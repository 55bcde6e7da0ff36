package io.diffyne.bench.load;

import static io.diffyne.bench.load.Jsons.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The stage table of each {@link StageBench} phase, from the server's flight recording: the phase's
 * {@code io.diffyne.Action} events of its kind (transport, component, method), each stage's mean time per action and
 * share of the action's total, the stages' sum against that total, and against the client's round trip minus the
 * echo's (the independent check: what the server spends beyond what its container spends on an echo of the same
 * text). Then the tail: how many actions above the phase's p99 overlapped a garbage collection, and the collections,
 * long monitor waits and parks in the phase's window.
 * <p>
 * {@code java io.diffyne.bench.load.StageTable <server.jfr> <stages.json> <out.json>}: prints the markdown tables.
 */
public final class StageTable {

    /** Stages below this share of the total are summed into one row of the markdown (all are in the JSON). */
    private static final int MIN_ROW_PERCENT = 2;

    private record Kind(String transport, String component, String method) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "click.websocket", new Kind("websocket", "counter", "increment"),
            "click.ajax", new Kind("ajax", "counter", "increment"),
            "append.websocket", new Kind("websocket", "todo-list", "addTodo"),
            "append.ajax", new Kind("ajax", "todo-list", "addTodo"));

    public static void main(String[] args) throws IOException {
        JsonObject results = ClientSnapshot.parse(Files.readString(Path.of(args[1])));
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
        Map<Long, List<RecordedEvent>> stagesOf = new HashMap<>();
        List<RecordedEvent> actions = new ArrayList<>();
        List<RecordedEvent> stalls = new ArrayList<>();
        for (RecordedEvent e : events) {
            switch (e.getEventType().getName()) {
                case "io.diffyne.Stage" -> stagesOf.computeIfAbsent(e.getLong("action"), k -> new ArrayList<>()).add(e);
                case "io.diffyne.Action" -> actions.add(e);
                case "jdk.GarbageCollection", "jdk.JavaMonitorEnter", "jdk.ThreadPark", "jdk.SafepointBegin" ->
                        stalls.add(e);
                default -> {
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        StringBuilder md = new StringBuilder();
        for (JsonValue v : results.getJsonArray("phases")) {
            JsonObject phase = v.asJsonObject();
            String name = phase.getString("name");
            Kind kind = KINDS.get(name);
            Instant from = Instant.ofEpochMilli(phase.getJsonNumber("start_ms").longValue());
            Instant to = Instant.ofEpochMilli(phase.getJsonNumber("end_ms").longValue());
            List<RecordedEvent> mine = actions.stream().filter(a -> a.getString("transport").equals(kind.transport())
                    && kind.component().equals(a.getString("component")) && kind.method().equals(a.getString("method"))
                    && !a.getEndTime().isBefore(from) && !a.getEndTime().isAfter(to)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            double echoMean = actions.stream().filter(a -> a.getString("transport").equals("echo-" + kind.transport())
                            && !a.getEndTime().isBefore(from) && !a.getEndTime().isAfter(to))
                    .mapToLong(a -> a.getLong("nanos")).average().orElse(Double.NaN) / 1000.0;
            out.put(name, table(name, mine, stagesOf, stalls, results.getJsonObject(name), phase, echoMean, md));
        }
        System.out.print(md);
        try (Writer w = Files.newBufferedWriter(Path.of(args[2]));
             var writer = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(w)) {
            writer.write(JSON.createObjectBuilder(out).build());
        }
    }

    private static Map<String, Object> table(String name, List<RecordedEvent> mine,
                                             Map<Long, List<RecordedEvent>> stagesOf, List<RecordedEvent> stalls,
                                             JsonObject client, JsonObject phase, double echoServer,
                                             StringBuilder md) {
        int n = mine.size();
        long[] totals = mine.stream().mapToLong(a -> a.getLong("nanos")).sorted().toArray();
        long sumTotal = Arrays.stream(totals).sum();
        Map<String, Long> byStage = new LinkedHashMap<>();
        long sumStages = 0;
        for (RecordedEvent a : mine) {
            for (RecordedEvent s : stagesOf.getOrDefault(a.getLong("action"), List.of())) {
                byStage.merge(s.getString("stage"), s.getLong("nanos"), Long::sum);
                sumStages += s.getLong("nanos");
            }
        }
        double meanTotal = sumTotal / 1000.0 / n;
        JsonObject d = client.getJsonObject("diffyne");
        JsonObject e = client.getJsonObject("echo");
        double rttGap = d.getJsonNumber("mean_us").doubleValue() - e.getJsonNumber("mean_us").doubleValue();
        double p50Gap = d.getJsonNumber("p50_us").doubleValue() - e.getJsonNumber("p50_us").doubleValue();
        md.append("\n**").append(name).append("** (").append(n).append(" actions; load average ")
                .append(phase.getString("load")).append(")\n\n| stage | µs per action | share |\n|---|---|---|\n");
        Map<String, Object> stages = new LinkedHashMap<>();
        long[] rest = {0, 0};
        byStage.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(s -> {
            double us = s.getValue() / 1000.0 / n;
            stages.put(s.getKey(), round(us));
            if (s.getValue() * 100 < sumTotal * MIN_ROW_PERCENT) {
                rest[0] += s.getValue();
                rest[1]++;
                return;
            }
            md.append("| ").append(s.getKey()).append(" | ").append(round(us)).append(" | ")
                    .append(round(100.0 * s.getValue() / sumTotal)).append(" % |\n");
        });
        if (rest[1] > 0) {
            md.append("| ").append(rest[1]).append(" other stages, each under ").append(MIN_ROW_PERCENT)
                    .append(" % | ").append(round(rest[0] / 1000.0 / n)).append(" | ")
                    .append(round(100.0 * rest[0] / sumTotal)).append(" % |\n");
        }
        md.append("| **stages, sum** | **").append(round(sumStages / 1000.0 / n)).append("** | ")
                .append(round(100.0 * sumStages / sumTotal)).append(" % |\n")
                .append("| server total (mean; p50 ").append(Stats.us(Stats.percentile(totals, 50))).append(", p99 ")
                .append(Stats.us(Stats.percentile(totals, 99))).append(") | ").append(round(meanTotal))
                .append(" | 100 % |\n")
                .append("| client round trip − echo round trip, mean (p50) | ").append(round(rttGap)).append(" (")
                .append(round(p50Gap)).append(") | ").append(round(100.0 * rttGap / meanTotal)).append(" % |\n")
                .append("| echo's own server time, mean | ").append(round(echoServer)).append(" | |\n")
                .append("| **check**: server total − echo's server time, against round trip − echo round trip | **")
                .append(round(meanTotal - echoServer)).append("** vs **").append(round(rttGap)).append("** | ")
                .append(round(100.0 * (meanTotal - echoServer - rttGap) / rttGap)).append(" % apart |\n");
        md.append("\nclient round trip p50 / p99: ").append(d.get("p50_us")).append(" / ").append(d.get("p99_us"))
                .append(" µs, echo ").append(e.get("p50_us")).append(" / ").append(e.get("p99_us")).append(" µs");
        Map<String, Object> tail = tail(mine, Stats.percentile(totals, 99), stagesOf, stalls, phase);
        md.append("; server-side actions above their p99: ").append(tail.get("slow")).append(", of which ")
                .append(tail.get("slow_during_gc")).append(" overlapped a GC; largest stage of the slow ones: ")
                .append(tail.get("slow_largest_stage")).append("; in the window: ").append(tail.get("gc_count"))
                .append(" GCs (longest pause ").append(tail.get("gc_longest_pause_us")).append(" µs), ")
                .append(tail.get("long_waits")).append(" monitor waits / parks ≥ the recording's threshold\n");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("actions", n);
        r.put("server_mean_us", round(meanTotal));
        r.put("server_p50_us", Stats.us(Stats.percentile(totals, 50)));
        r.put("server_p99_us", Stats.us(Stats.percentile(totals, 99)));
        r.put("stages_sum_us", round(sumStages / 1000.0 / n));
        r.put("stages_us", stages);
        r.put("rtt_minus_echo_mean_us", round(rttGap));
        r.put("rtt_minus_echo_p50_us", round(p50Gap));
        r.put("echo_server_mean_us", round(echoServer));
        r.put("check_apart_percent", round(100.0 * (meanTotal - echoServer - rttGap) / rttGap));
        r.put("client", client);
        r.put("tail", tail);
        return r;
    }

    private static Map<String, Object> tail(List<RecordedEvent> mine, long p99, Map<Long, List<RecordedEvent>> stagesOf,
                                            List<RecordedEvent> stalls, JsonObject phase) {
        Instant from = Instant.ofEpochMilli(phase.getJsonNumber("start_ms").longValue());
        Instant to = Instant.ofEpochMilli(phase.getJsonNumber("end_ms").longValue());
        List<RecordedEvent> gcs = new ArrayList<>();
        int waits = 0;
        for (RecordedEvent s : stalls) {
            if (s.getEndTime().isBefore(from) || s.getStartTime().isAfter(to)) {
                continue;
            }
            if (s.getEventType().getName().equals("jdk.GarbageCollection")) {
                gcs.add(s);
            } else if (!s.getEventType().getName().equals("jdk.SafepointBegin")) {
                waits++;
            }
        }
        int slow = 0;
        int duringGc = 0;
        Map<String, Integer> largest = new HashMap<>();
        for (RecordedEvent a : mine) {
            long nanos = a.getLong("nanos");
            if (nanos <= p99) {
                continue;
            }
            slow++;
            Instant end = a.getEndTime();
            Instant start = end.minusNanos(nanos);
            if (gcs.stream().anyMatch(g -> !g.getEndTime().isBefore(start) && !g.getStartTime().isAfter(end))) {
                duringGc++;
            }
            stagesOf.getOrDefault(a.getLong("action"), List.of()).stream()
                    .max((x, y) -> Long.compare(x.getLong("nanos"), y.getLong("nanos")))
                    .ifPresent(s -> largest.merge(s.getString("stage"), 1, Integer::sum));
        }
        long longest = gcs.stream().mapToLong(g -> g.getDuration("longestPause").toNanos()).max().orElse(0);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("slow", slow);
        t.put("slow_during_gc", duringGc);
        t.put("slow_largest_stage", largest.toString());
        t.put("gc_count", gcs.size());
        t.put("gc_longest_pause_us", Stats.us(longest));
        t.put("gc_pauses_total_us", Stats.us(gcs.stream().mapToLong(g -> g.getDuration("sumOfPauses").toNanos()).sum()));
        t.put("long_waits", waits);
        return t;
    }

    private static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }
}
