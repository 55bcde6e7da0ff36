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
 * Two stages come from the recording's socket events ({@code jdk.SocketRead} / {@code jdk.SocketWrite}, recorded at
 * threshold 0 by {@code scripts/stages.sh}) rather than from marks: {@code ws.frame-in} / {@code http.request-in},
 * from the return of the action thread's last socket read before the transport's first mark (the frame or request
 * read by Grizzly) to that mark (the container's framing, dispatch and, for HTTP, its servlet pipeline up to the
 * first filter), and {@code socket.write}, the action's last socket write on its thread, carved out of the stage
 * that contains it. An action's total runs from that read to its last mark; an echo's too.
 * <p>
 * Only the actions that began within one of the client's measured exchanges count ({@link #measured}): the phase's
 * window also holds its warm-up, which the client's figures leave out. The check is given to the last mark and to the
 * answer: an action's stages after its last socket write ended (Tyrus re-arming its idle timer after a send, the
 * transport's return) are shown apart, as no client waits for them, and the server's time to the end of that write
 * is set against the client's, by means and by medians (the medians are the check to read: a GC pause or a stall of
 * the client moves a mean by tens of µs in either direction).
 * <p>
 * The check is given twice: over every action and exchange, and without those that overlapped a garbage collection
 * (of the server, or of the client when its recording is given: a pause of 50–100 ms on this machine lands in either
 * side of one exchange, and in a 400-action phase moves a mean by 100–250 µs); the client's exchanges are placed by
 * their {@link Timeline}.
 * <p>
 * {@code java io.diffyne.bench.load.StageTable <server.jfr> <stages.json> <out.json> [client.jfr]}: prints the
 * markdown tables.
 */
public final class StageTable {

    /** Stages below this share of the total are summed into one row of the markdown (all are in the JSON). */
    private static final int MIN_ROW_PERCENT = 2;

    /** The prefix of a stage's part that ran after the action's answer was written (its last socket write ended). */
    private static final String AFTER = "after answer: ";

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
        SocketIo io = new SocketIo();
        for (RecordedEvent e : events) {
            switch (e.getEventType().getName()) {
                case "jdk.SocketRead", "jdk.SocketWrite" -> io.add(e);
                case "io.diffyne.Stage" -> stagesOf.computeIfAbsent(e.getLong("action"), k -> new ArrayList<>()).add(e);
                case "io.diffyne.Action" -> actions.add(e);
                case "jdk.GarbageCollection", "jdk.JavaMonitorEnter", "jdk.ThreadPark", "jdk.SafepointBegin" ->
                        stalls.add(e);
                default -> {
                }
            }
        }
        // the pauses themselves (a concurrent old-generation cycle's event spans much more than its pauses)
        List<long[]> pauses = new ArrayList<>();
        for (RecordedEvent e : events) {
            if (e.getEventType().getName().equals("jdk.GCPhasePause")) {
                pauses.add(pauseWindow(e));
            }
        }
        if (args.length > 3) {
            for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[3]))) {
                if (e.getEventType().getName().equals("jdk.GCPhasePause")) {
                    pauses.add(pauseWindow(e));
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
            List<RecordedEvent> echoes = actions.stream()
                    .filter(a -> a.getString("transport").equals("echo-" + kind.transport())
                            && !a.getEndTime().isBefore(from) && !a.getEndTime().isAfter(to)).toList();
            JsonObject client = results.getJsonObject(name);
            int inPhase = mine.size();
            int echoesInPhase = echoes.size();
            mine = measured(mine, client.getJsonObject("diffyne_timeline"));
            echoes = measured(echoes, client.getJsonObject("echo_timeline"));
            md.append("\n**").append(name).append("** (").append(mine.size()).append(" actions and ")
                    .append(echoes.size()).append(" echoes in the client's measured exchanges, of ").append(inPhase)
                    .append(" and ").append(echoesInPhase).append(" in the phase with its warm-up; load average ")
                    .append(phase.getString("load")).append(")\n");
            out.put(name, table(kind, mine, echoes, stagesOf, stalls, pauses, io, client, phase, md));
        }
        System.out.print(md);
        try (Writer w = Files.newBufferedWriter(Path.of(args[2]));
             var writer = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(w)) {
            writer.write(JSON.createObjectBuilder(out).build());
        }
    }

    /**
     * The actions that began (first mark) within one of the client's measured exchanges, send to receipt: the
     * client's means are of those exchanges only, and the phase's window also holds its warm-up, slower on the server
     * (in one round the echo's server time over the whole window came out above its measured round trip). All of them
     * when there is no timeline.
     */
    static List<RecordedEvent> measured(List<RecordedEvent> actions, JsonObject timeline) {
        if (timeline == null) {
            return actions;
        }
        var starts = timeline.getJsonArray("start_epoch_ns");
        var nanos = timeline.getJsonArray("nanos");
        long[][] windows = new long[starts.size()][];
        for (int i = 0; i < windows.length; i++) {
            long start = starts.getJsonNumber(i).longValue();
            windows[i] = new long[] {start, start + nanos.getJsonNumber(i).longValue()};
        }
        Arrays.sort(windows, (x, y) -> Long.compare(x[0], y[0]));
        List<RecordedEvent> in = new ArrayList<>();
        for (RecordedEvent a : actions) {
            long first = SocketIo.nanos(a.getEndTime()) - a.getLong("nanos");
            int lo = 0;
            int hi = windows.length - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (windows[mid][0] <= first) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (found >= 0 && first <= windows[found][1]) {
                in.add(a);
            }
        }
        return in;
    }

    private static Map<String, Object> table(Kind kind, List<RecordedEvent> mine,
                                             List<RecordedEvent> echoes, Map<Long, List<RecordedEvent>> stagesOf,
                                             List<RecordedEvent> stalls, List<long[]> pauses, SocketIo io,
                                             JsonObject client, JsonObject phase, StringBuilder md) {
        int n = mine.size();
        String inStage = kind.transport().equals("websocket") ? "ws.frame-in" : "http.request-in";
        Map<String, Long> byStage = new LinkedHashMap<>();
        Totals own = totals(mine, stagesOf, io, inStage, byStage);
        Totals echo = totals(echoes, stagesOf, io, inStage, new LinkedHashMap<>());
        long[] totals = own.totals;
        long sumTotal = Arrays.stream(totals).sum();
        long sumStages = byStage.values().stream().mapToLong(Long::longValue).sum();
        double meanTotal = sumTotal / 1000.0 / n;
        double echoServer = echo.meanUs();
        JsonObject d = client.getJsonObject("diffyne");
        JsonObject e = client.getJsonObject("echo");
        double rttGap = d.getJsonNumber("mean_us").doubleValue() - e.getJsonNumber("mean_us").doubleValue();
        double p50Gap = d.getJsonNumber("p50_us").doubleValue() - e.getJsonNumber("p50_us").doubleValue();
        md.append("\n| stage | µs per action | share |\n|---|---|---|\n");
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
                .append("| server total, socket read to last mark (mean; p50 ")
                .append(Stats.us(Stats.percentile(totals, 50))).append(", p99 ")
                .append(Stats.us(Stats.percentile(totals, 99))).append(") | ").append(round(meanTotal))
                .append(" | 100 % |\n")
                .append("| client round trip − echo round trip, mean (p50) | ").append(round(rttGap)).append(" (")
                .append(round(p50Gap)).append(") | ").append(round(100.0 * rttGap / meanTotal)).append(" % |\n")
                .append("| echo's own server time, mean (of which ").append(inStage).append(" ")
                .append(round(echo.inUs())).append(", socket.write ").append(round(echo.writeUs())).append(") | ")
                .append(round(echoServer)).append(" | |\n")
                .append("| **check**: server total − echo's server time, against round trip − echo round trip | **")
                .append(round(meanTotal - echoServer)).append("** vs **").append(round(rttGap)).append("** | ")
                .append(round(100.0 * (meanTotal - echoServer - rttGap) / rttGap)).append(" % apart |\n");
        double answeredGap = own.answeredUs() - echo.answeredUs();
        double answeredP50Gap = own.answeredP50Us() - echo.answeredP50Us();
        md.append("| of the stages, after the answer's last socket write ended (no client waits for it; echo's ")
                .append(round(echo.after / 1000.0 / Math.max(1, echoes.size()))).append(") | ")
                .append(round(own.after / 1000.0 / n)).append(" | ").append(round(100.0 * own.after / sumTotal))
                .append(" % |\n")
                .append("| server, socket read to the answer written (mean over ").append(own.answeredOf.size())
                .append(" of ").append(n).append(" actions; echo's ").append(round(echo.answeredUs())).append(" over ")
                .append(echo.answeredOf.size()).append(" of ").append(echoes.size()).append(") | ")
                .append(round(own.answeredUs())).append(" | |\n")
                .append("| **check to the answer**: that minus the echo's, against round trip − echo round trip | **")
                .append(round(answeredGap)).append("** vs **").append(round(rttGap)).append("** | ")
                .append(round(100.0 * (answeredGap - rttGap) / rttGap)).append(" % apart |\n")
                .append("| **check to the answer by medians** (a few long exchanges move the means by tens of µs):")
                .append(" server p50 − echo's, against client p50 − echo's | **").append(round(answeredP50Gap))
                .append("** vs **").append(round(p50Gap)).append("** | ")
                .append(round(100.0 * (answeredP50Gap - p50Gap) / p50Gap)).append(" % apart |\n");
        double[] serverFree = gcFree(mine, own, pauses);
        double[] echoFree = gcFree(echoes, echo, pauses);
        double[] clientFree = gcFree(client.getJsonObject("diffyne_timeline"), pauses);
        double[] clientEchoFree = gcFree(client.getJsonObject("echo_timeline"), pauses);
        double freeServer = serverFree[0] - echoFree[0];
        double freeGap = clientFree[0] - clientEchoFree[0];
        md.append("| **check to the answer without the exchanges that overlapped a GC pause** (server ")
                .append((int) serverFree[1])
                .append(" of ").append(n).append(" actions, ").append((int) echoFree[1]).append(" of ")
                .append(echoes.size()).append(" echoes; client ").append((int) clientFree[1]).append(" and ")
                .append((int) clientEchoFree[1]).append(" exchanges left) | **").append(round(freeServer))
                .append("** vs **").append(round(freeGap)).append("** | ")
                .append(round(100.0 * (freeServer - freeGap) / freeGap)).append(" % apart |\n");
        md.append("\nclient round trip p50 / p99: ").append(d.get("p50_us")).append(" / ").append(d.get("p99_us"))
                .append(" µs, echo ").append(e.get("p50_us")).append(" / ").append(e.get("p99_us")).append(" µs");
        Map<String, Object> tail = tail(mine, own.byAction, Stats.percentile(totals, 99), stagesOf, stalls, phase);
        md.append("; first to last mark only (the handler): ").append(round(own.handler / 1000.0 / n))
                .append(" µs, echo ").append(round(echo.handler / 1000.0 / Math.max(1, echoes.size())))
                .append(" µs");
        md.append("; actions without the socket events (first to last mark only): ").append(own.unmatched)
                .append(" of ").append(n).append(", echoes ").append(echo.unmatched).append(" of ")
                .append(echoes.size());
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
        r.put("gc_free_server_minus_echo_us", round(freeServer));
        r.put("gc_free_rtt_minus_echo_us", round(freeGap));
        r.put("gc_free_check_apart_percent", round(100.0 * (freeServer - freeGap) / freeGap));
        r.put("gc_free_counts", List.of((int) serverFree[1], (int) echoFree[1], (int) clientFree[1],
                (int) clientEchoFree[1]));
        r.put("after_answer_us", round(own.after / 1000.0 / n));
        r.put("echo_after_answer_us", round(echo.after / 1000.0 / Math.max(1, echoes.size())));
        r.put("answered_mean_us", round(own.answeredUs()));
        r.put("echo_answered_mean_us", round(echo.answeredUs()));
        r.put("answered_check_apart_percent", round(100.0 * (answeredGap - rttGap) / rttGap));
        r.put("answered_p50_gap_us", round(answeredP50Gap));
        r.put("answered_p50_check_apart_percent", round(100.0 * (answeredP50Gap - p50Gap) / p50Gap));
        r.put("echo_in_us", round(echo.inUs()));
        r.put("echo_socket_write_us", round(echo.writeUs()));
        r.put("handler_mean_us", round(own.handler / 1000.0 / Math.max(1, n)));
        r.put("echo_handler_mean_us", round(echo.handler / 1000.0 / Math.max(1, echoes.size())));
        r.put("without_socket_events", own.unmatched);
        r.put("echoes_without_socket_events", echo.unmatched);
        r.put("check_apart_percent", round(100.0 * (meanTotal - echoServer - rttGap) / rttGap));
        r.put("client", client);
        r.put("tail", tail);
        return r;
    }

    private static Map<String, Object> tail(List<RecordedEvent> mine, Map<Long, Long> totalOf, long p99,
                                            Map<Long, List<RecordedEvent>> stagesOf, List<RecordedEvent> stalls,
                                            JsonObject phase) {
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
            long nanos = totalOf.get(a.getLong("action"));
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

    /** A collection pause, widened by 1 ms each side (the two recordings' clocks, the exchange's edges). */
    private static long[] pauseWindow(RecordedEvent gc) {
        return new long[] {SocketIo.nanos(gc.getStartTime()) - 1_000_000, SocketIo.nanos(gc.getEndTime()) + 1_000_000};
    }

    private static boolean overlaps(long from, long to, List<long[]> pauses) {
        for (long[] p : pauses) {
            if (from <= p[1] && to >= p[0]) {
                return true;
            }
        }
        return false;
    }

    /**
     * {mean µs, count} of the server actions (socket read to the answer written) that overlapped no collection
     * pause; actions without a write are left out.
     */
    private static double[] gcFree(List<RecordedEvent> actions, Totals totals, List<long[]> pauses) {
        long sum = 0;
        int n = 0;
        for (RecordedEvent a : actions) {
            long end = SocketIo.nanos(a.getEndTime());
            long total = totals.byAction.get(a.getLong("action"));
            Long answered = totals.answeredOf.get(a.getLong("action"));
            if (answered == null) {
                continue;
            }
            if (!overlaps(end - total, end, pauses)) {
                sum += answered;
                n++;
            }
        }
        return new double[] {sum / 1000.0 / Math.max(1, n), n};
    }

    /** {mean µs, count} of the client's exchanges ({@link Timeline}) that overlapped no collection pause. */
    private static double[] gcFree(JsonObject timeline, List<long[]> pauses) {
        if (timeline == null) {
            return new double[] {Double.NaN, 0};
        }
        var starts = timeline.getJsonArray("start_epoch_ns");
        var nanos = timeline.getJsonArray("nanos");
        long sum = 0;
        int n = 0;
        for (int i = 0; i < starts.size(); i++) {
            long start = starts.getJsonNumber(i).longValue();
            long took = nanos.getJsonNumber(i).longValue();
            if (!overlaps(start, start + took, pauses)) {
                sum += took;
                n++;
            }
        }
        return new double[] {sum / 1000.0 / Math.max(1, n), n};
    }

    /** The totals of some actions, socket read to last mark, and their stages (marks and socket events). */
    private static final class Totals {
        long[] totals;
        final Map<Long, Long> byAction = new HashMap<>();
        long in;
        long write;
        long handler;
        int unmatched;
        /**
         * By action, for those with a last socket write: socket read to the end of that write (what the client waits
         * for).
         */
        final Map<Long, Long> answeredOf = new HashMap<>();
        /** Stage time after the answer's write ended, over all actions. */
        long after;

        double answeredP50Us() {
            long[] sorted = answeredOf.values().stream().mapToLong(Long::longValue).sorted().toArray();
            return sorted.length == 0 ? Double.NaN : Stats.percentile(sorted, 50) / 1000.0;
        }

        double answeredUs() {
            return answeredOf.values().stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1000.0;
        }

        double meanUs() {
            return totals.length == 0 ? Double.NaN : Arrays.stream(totals).sum() / 1000.0 / totals.length;
        }

        double inUs() {
            return in / 1000.0 / Math.max(1, totals.length);
        }

        double writeUs() {
            return write / 1000.0 / Math.max(1, totals.length);
        }
    }

    /**
     * Each action's total and stages into {@code byStage}: its marked stages, the one holding its last socket write
     * split into that write ({@code socket.write}) and the rest, and {@code inStage} before its first mark.
     */
    private static Totals totals(List<RecordedEvent> actions, Map<Long, List<RecordedEvent>> stagesOf, SocketIo io,
                                 String inStage, Map<String, Long> byStage) {
        Totals t = new Totals();
        long[] all = new long[actions.size()];
        int i = 0;
        for (RecordedEvent a : actions) {
            long nanos = a.getLong("nanos");
            t.handler += nanos;
            long[] around = io.around(a);
            long total = nanos;
            if (around == null) {
                t.unmatched++;
            } else {
                total += around[0];
                t.in += around[0];
                byStage.merge(inStage, around[0], Long::sum);
            }
            boolean carved = false;
            long after = 0;
            for (RecordedEvent s : stagesOf.getOrDefault(a.getLong("action"), List.of())) {
                long stage = s.getLong("nanos");
                long end = SocketIo.nanos(s.getEndTime());
                if (!carved && around != null && around[1] >= 0 && around[2] <= end + 2_000
                        && around[2] >= end - stage - 2_000) {
                    long write = Math.min(stage, around[2] - around[1]);
                    byStage.merge("socket.write", write, Long::sum);
                    t.write += write;
                    stage -= write;
                    carved = true;
                }
                if (around != null && around[2] >= 0) {
                    // the part of this stage after the answer's last byte left: no client waits for it
                    long late = Math.min(stage, Math.max(0, end - Math.max(around[2], end - stage)));
                    after += late;
                    byStage.merge(AFTER + s.getString("stage"), late, Long::sum);
                    stage -= late;
                }
                byStage.merge(s.getString("stage"), stage, Long::sum);
            }
            t.byAction.put(a.getLong("action"), total);
            if (around != null && around[2] >= 0) {
                t.answeredOf.put(a.getLong("action"), total - after);
            }
            t.after += after;
            all[i++] = total;
        }
        Arrays.sort(all);
        t.totals = all;
        return t;
    }

    /**
     * Each thread's socket reads and writes that moved bytes ({@code jdk.SocketRead} / {@code jdk.SocketWrite}), by
     * end time: Grizzly reads a frame or request on the worker thread that then runs the handler, and writes the
     * answer on the thread that sends it.
     */
    private static final class SocketIo {
        private final Map<Long, List<long[]>> reads = new HashMap<>();
        private final Map<Long, List<long[]>> writes = new HashMap<>();
        private boolean sorted;

        void add(RecordedEvent e) {
            if (e.getThread() == null) {
                return;
            }
            boolean read = e.getEventType().getName().equals("jdk.SocketRead");
            if ((read ? e.getLong("bytesRead") : e.getLong("bytesWritten")) <= 0) {
                return;
            }
            (read ? reads : writes).computeIfAbsent(e.getThread().getJavaThreadId(), k -> new ArrayList<>())
                    .add(new long[] {nanos(e.getEndTime()), nanos(e.getStartTime())});
            sorted = false;
        }

        /**
         * {nanoseconds from the end of the action thread's last read to the action's first mark, start and end of
         * its last write before its last mark (-1 when none)}, or null when there is no read within 50 ms before it
         * (the recording dropped it, or the container read on another thread).
         */
        long[] around(RecordedEvent action) {
            if (!sorted) {
                reads.values().forEach(l -> l.sort((a, b) -> Long.compare(a[0], b[0])));
                writes.values().forEach(l -> l.sort((a, b) -> Long.compare(a[0], b[0])));
                sorted = true;
            }
            long end = nanos(action.getEndTime());
            long start = end - action.getLong("nanos");
            long tid = action.getThread().getJavaThreadId();
            long[] read = last(reads.get(tid), start);
            if (read == null || start - read[0] > 50_000_000) {
                return null;
            }
            long[] write = last(writes.get(tid), end);
            if (write == null || write[0] < start) {
                return new long[] {start - read[0], -1, -1};
            }
            return new long[] {start - read[0], write[1], write[0]};
        }

        /** The last of {@code l} (sorted by end) that ended at or before {@code notAfter}. */
        private static long[] last(List<long[]> l, long notAfter) {
            if (l == null) {
                return null;
            }
            int lo = 0;
            int hi = l.size() - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (l.get(mid)[0] <= notAfter) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found < 0 ? null : l.get(found);
        }

        static long nanos(Instant t) {
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        }
    }

    private static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }
}
