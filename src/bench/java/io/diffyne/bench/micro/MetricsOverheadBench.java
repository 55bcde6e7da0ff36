package io.diffyne.bench.micro;

import static io.diffyne.bench.micro.Clicks.JSON;
import static io.diffyne.bench.micro.Clicks.check;
import static io.diffyne.bench.micro.DashboardWork.median;
import static io.diffyne.bench.micro.DashboardWork.round;

import io.diffyne.metrics.Metrics;
import io.diffyne.metrics.Refusal;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * What recording ({@link Metrics}) costs a click, measured in one JVM so that the difference between two JVMs (what
 * each one's JIT made of the same code, about ±10 % on this machine) does not drown it (issue #18: at most 2 % of
 * click throughput). One runtime, its recorder swapped before every block of clicks: {@code on} records into a real
 * {@link Metrics}, as production does; {@code off} into {@link Silent}, whose recording methods return at once. (Two
 * runtimes side by side, one per recorder, differed by up to 1.4 % on their own, either way: as much as is sought.)
 * Per case (counter click, append to a 100-item list; AJAX with the full snapshot, WebSocket with the connection's
 * live copy):
 * <ol>
 * <li>all four cases are warmed together, in turns, on and off alternately, so the JIT compiles the shared code
 *     having seen both recorders;</li>
 * <li>then groups of four blocks, each block a fixed number of clicks (about {@link #BLOCK_MILLIS} ms), in the order
 *     on off off on, then off on on off, and so on: a drift of the machine's speed within a group cancels out. A
 *     group's ratio is its on blocks' time over its off blocks'; the figure is the median of the groups' ratios, with
 *     a bootstrap 95 % interval of that median, by wall time and by this thread's CPU time (which a busy machine's
 *     other work does not inflate);</li>
 * <li>the direct cost: the recording calls one click makes ({@code action}, and over AJAX the transport's
 *     {@code ajaxClient}), a few million times in a loop, less the same loop into the silent recorder, over the
 *     click's time.</li>
 * </ol>
 * Then what runs on a timer instead ({@link DashboardWork}), and what an open dashboard page's polls cost, against a
 * counter click's CPU time from the blocks above ({@link OpenDashboard}). An AJAX click here is what
 * {@code UpdateResource} does per request that the recorder sees: {@code ajaxClient} with a new id string, then the
 * runtime's {@code handle}.
 * <p>
 * {@code java io.diffyne.bench.micro.MetricsOverheadBench <out.json> [quick]}
 */
public final class MetricsOverheadBench {

    static final long BLOCK_MILLIS = 25;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String CLIENT_ID = "k3Jx9QvT2mWb7LpZ4nRc8A";
    private static final int RESAMPLES = 10_000;
    private static volatile long sink;

    private final Clicks clicks = new Clicks();
    private final Metrics recording = new Metrics();
    private final Metrics silent = new Silent();
    /** The recorder the runtime records into now, which the AJAX transport's call records into too. */
    private Metrics recorder;
    private final int groups;
    private final long warmupRoundMillis;
    private final int warmupRounds;
    private final int directCalls;
    private final boolean quick;

    /** Records nothing: every recording method returns at once. The reading side stays (nobody reads it here). */
    static final class Silent extends Metrics {
        @Override
        public void action(String component, boolean knownComponent, String errorType, long nanos) {
        }

        @Override
        public void rateLimited() {
        }

        @Override
        public void handshakeRefused(Refusal reason) {
        }

        @Override
        public void broadcast(long nanos) {
        }

        @Override
        public void replayed(int broadcasts) {
        }

        @Override
        public void slowConsumerClosed() {
        }

        @Override
        public void ajaxClient(String clientId) {
        }
    }

    /** One case: a click, on the runtime, into whichever recorder it records into at the time. */
    private record Case(String name, String component, boolean ajax, Supplier<String> click) {
    }

    private MetricsOverheadBench(boolean quick) {
        groups = quick ? 12 : 160;
        warmupRoundMillis = quick ? 200 : 700;
        warmupRounds = quick ? 2 : 5;
        directCalls = quick ? 200_000 : 3_000_000;
        this.quick = quick;
    }

    public static void main(String[] args) throws IOException {
        check(THREADS.isCurrentThreadCpuTimeSupported(), "this JVM cannot read a thread's CPU time");
        THREADS.setThreadCpuTimeEnabled(true);
        MetricsOverheadBench bench = new MetricsOverheadBench(args.length > 1 && args[1].equals("quick"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("load_before", loadAverage());
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        out.put("block_ms", BLOCK_MILLIS);
        out.put("groups", bench.groups);
        long start = System.nanoTime();

        List<Case> cases = bench.cases();
        Map<String, Double> calibration = bench.warmUp(cases);
        Map<String, Object> results = new LinkedHashMap<>();
        for (Case c : cases) {
            results.put(c.name(), bench.measure(c, calibration.get(c.name())));
        }
        out.put("cases", results);
        out.put("timers", new DashboardWork().measure());
        out.put("open_dashboard", bench.openDashboard(results));
        out.put("seconds", Math.round((System.nanoTime() - start) / 1e9));
        out.put("load_after", loadAverage());
        try (Writer w = Files.newBufferedWriter(Path.of(args[0]));
             var writer = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(w)) {
            writer.write(JSON.createObjectBuilder(out).build());
        }
        print(out);
    }

    /** The runtime records into the real recorder ({@code on}) or the silent one from now on. */
    private void use(boolean on) {
        recorder = on ? recording : silent;
        clicks.recordInto(recorder);
    }

    private List<Case> cases() {
        JsonObject counter = clicks.counter();
        JsonObject todo = clicks.todoList100();
        JsonObject append = Clicks.addTodo("Item 101");
        Clicks.Socket counterSocket = clicks.overSocket(counter);
        Clicks.Socket todoSocket = clicks.overSocket(todo);
        List<Case> cases = List.of(
                new Case("counter_ajax", "counter", true, () -> ajax(counter, Clicks.INCREMENT)),
                new Case("counter_websocket", "counter", false, () -> counterSocket.action(Clicks.INCREMENT)),
                new Case("todo_append_100_ajax", "todo-list", true, () -> ajax(todo, append)),
                new Case("todo_append_100_websocket", "todo-list", false, () -> todoSocket.action(append)));
        for (Case c : cases) {
            String expected = c.component().equals("counter") ? "\"x\":\"1\"" : "Item 101";
            for (boolean on : new boolean[] {true, false}) {
                use(on);
                String answer = c.click().get();
                check(answer.contains("\"s\":true") && answer.contains(expected), c.name() + " did not work: " + answer);
            }
        }
        check(recording.snapshot().actions() == cases.size(), "the real recorder did not record each click once");
        check(silent.snapshot().actions() == 0, "the silent recorder recorded");
        return cases;
    }

    /**
     * An open dashboard's polls ({@link OpenDashboard}), against a counter click's CPU time with recording on, per
     * transport, from {@code results}.
     */
    private Map<String, Object> openDashboard(Map<String, Object> results) {
        Map<String, Double> clickCpu = new LinkedHashMap<>();
        Map<String, String> clickCase = new LinkedHashMap<>();
        for (String transport : List.of("websocket", "ajax")) {
            String name = "counter_" + transport;
            clickCase.put(transport, name);
            clickCpu.put(transport, (Double) ((Map<?, ?>) results.get(name)).get("on_cpu_us_per_click"));
        }
        return new OpenDashboard(quick).measure(clickCpu, clickCase);
    }

    /** One AJAX click as the transport makes it: the client's id (a new string per request), then the runtime. */
    private String ajax(JsonObject snapshot, JsonObject call) {
        recorder.ajaxClient(new String(CLIENT_ID.toCharArray()));
        return clicks.action(snapshot, call);
    }

    /** All cases in turns, on and off alternating; returns each case's ns per click, off, in the last turn. */
    private Map<String, Double> warmUp(List<Case> cases) {
        Map<String, Double> nsPerClick = new LinkedHashMap<>();
        for (int round = 0; round < warmupRounds; round++) {
            for (Case c : cases) {
                boolean onFirst = round % 2 == 0;
                double first = timed(c, onFirst, warmupRoundMillis);
                double second = timed(c, !onFirst, warmupRoundMillis);
                nsPerClick.put(c.name(), onFirst ? second : first);
            }
        }
        return nsPerClick;
    }

    private double timed(Case c, boolean on, long millis) {
        use(on);
        long ops = 0;
        long start = System.nanoTime();
        long stop = start + millis * 1_000_000;
        long now;
        do {
            sink += c.click().get().length();
            ops++;
            now = System.nanoTime();
        } while (now < stop);
        return (double) (now - start) / ops;
    }

    private Map<String, Object> measure(Case c, double offNsPerClick) {
        int n = (int) Math.max(4, Math.round(BLOCK_MILLIS * 1_000_000 / offNsPerClick));
        System.gc();
        double[] wallOn = new double[groups * 2];
        double[] wallOff = new double[groups * 2];
        double[] cpuOn = new double[groups * 2];
        double[] cpuOff = new double[groups * 2];
        double[] cpuRatios = new double[groups];
        double[] wallRatios = new double[groups];
        for (int g = 0; g < groups; g++) {
            // on off off on, then off on on off
            boolean onFirst = g % 2 == 0;
            long[] a = block(c, onFirst, n);
            long[] b = block(c, !onFirst, n);
            long[] b2 = block(c, !onFirst, n);
            long[] a2 = block(c, onFirst, n);
            long[] on1 = onFirst ? a : b;
            long[] on2 = onFirst ? a2 : b2;
            long[] off1 = onFirst ? b : a;
            long[] off2 = onFirst ? b2 : a2;
            wallOn[2 * g] = on1[0];
            wallOn[2 * g + 1] = on2[0];
            wallOff[2 * g] = off1[0];
            wallOff[2 * g + 1] = off2[0];
            cpuOn[2 * g] = on1[1];
            cpuOn[2 * g + 1] = on2[1];
            cpuOff[2 * g] = off1[1];
            cpuOff[2 * g + 1] = off2[1];
            wallRatios[g] = (double) (on1[0] + on2[0]) / (off1[0] + off2[0]);
            cpuRatios[g] = (double) (on1[1] + on2[1]) / (off1[1] + off2[1]);
        }
        double offNs = median(wallOff) / n;
        double onNs = median(wallOn) / n;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clicks_per_block", n);
        out.put("off_us_per_click", round(offNs / 1000));
        out.put("on_us_per_click", round(onNs / 1000));
        out.put("off_cpu_us_per_click", round(median(cpuOff) / n / 1000));
        out.put("on_cpu_us_per_click", round(median(cpuOn) / n / 1000));
        out.put("overhead_pct", percent(median(wallRatios)));
        out.put("overhead_ci95_pct", interval(wallRatios, c.name().hashCode()));
        out.put("overhead_quartiles_pct", List.of(percent(quantile(wallRatios, 0.25)),
                percent(quantile(wallRatios, 0.75))));
        out.put("cpu_overhead_pct", percent(median(cpuRatios)));
        out.put("cpu_overhead_ci95_pct", interval(cpuRatios, c.name().hashCode() + 1));
        double direct = direct(recording, c.component(), c.ajax());
        out.put("recording_calls_ns_per_click", round(direct));
        out.put("recording_calls_pct_of_click", Math.round(direct / offNs * 100 * 1000) / 1000.0);
        return out;
    }

    /** {@code n} clicks into the real recorder ({@code on}) or the silent one: {wall ns, this thread's CPU ns}. */
    private long[] block(Case c, boolean on, int n) {
        use(on);
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += c.click().get().length();
        }
        long wallEnd = System.nanoTime();
        return new long[] {wallEnd - wall, THREADS.getCurrentThreadCpuTime() - cpu};
    }

    /**
     * Nanoseconds per click spent in the recording calls themselves: what one click records, {@link #directCalls}
     * times into {@code recorder}, less the same loop into a {@link Silent} one (whose empty calls the JIT inlines to
     * nothing), each alternately, seven rounds, medians. Server times of 20 µs to 2 ms, so the histogram's bucket
     * changes from call to call; over AJAX a new id string each time, as in the transport (both loops make it, only
     * one hashes it).
     */
    private double direct(Metrics recorder, String component, boolean ajax) {
        long[] nanos = new long[16];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = 20_000L + i * 130_000L;
        }
        char[] id = CLIENT_ID.toCharArray();
        Metrics silent = new Silent();
        double[] with = new double[7];
        double[] without = new double[7];
        for (int warm = 0; warm < 3; warm++) {
            record(recorder, component, ajax, nanos, id, directCalls);
            record(silent, component, ajax, nanos, id, directCalls);
        }
        for (int r = 0; r < with.length; r++) {
            long t0 = System.nanoTime();
            record(recorder, component, ajax, nanos, id, directCalls);
            long t1 = System.nanoTime();
            record(silent, component, ajax, nanos, id, directCalls);
            long t2 = System.nanoTime();
            with[r] = (double) (t1 - t0) / directCalls;
            without[r] = (double) (t2 - t1) / directCalls;
        }
        return Math.max(0, median(with) - median(without));
    }

    private static void record(Metrics recorder, String component, boolean ajax, long[] nanos, char[] id, int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            long t = nanos[i & 15];
            if (ajax) {
                String client = new String(id);
                s += System.identityHashCode(client);
                recorder.ajaxClient(client);
            }
            recorder.action(component, true, null, t);
            s += t;
        }
        sink += s;
    }

    /** Bootstrap 95 % interval of the median ratio, as percentages. */
    private static List<Double> interval(double[] ratios, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] medians = new double[RESAMPLES];
        double[] sample = new double[ratios.length];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = ratios[random.nextInt(ratios.length)];
            }
            medians[r] = median(sample);
        }
        return List.of(percent(quantile(medians, 0.025)), percent(quantile(medians, 0.975)));
    }

    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
    }

    private static double percent(double ratio) {
        return Math.round((ratio - 1) * 100 * 100) / 100.0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void print(Map<String, Object> out) {
        System.out.printf(Locale.ROOT, "%-27s %9s %9s %9s %17s %9s %17s %9s %7s%n", "case", "clicks", "off µs",
                "on µs", "on/off−1 (95 %)", "CPU", "CPU (95 %)", "calls ns", "calls %");
        ((Map<?, ?>) out.get("cases")).forEach((name, value) -> {
            Map<?, ?> m = (Map<?, ?>) value;
            System.out.printf(Locale.ROOT, "%-27s %9s %9s %9s %17s %9s %17s %9s %7s%n", name,
                    m.get("clicks_per_block"), m.get("off_us_per_click"), m.get("on_us_per_click"),
                    m.get("overhead_pct") + " % " + m.get("overhead_ci95_pct"), m.get("cpu_overhead_pct") + " %",
                    m.get("cpu_overhead_ci95_pct"), m.get("recording_calls_ns_per_click"),
                    m.get("recording_calls_pct_of_click"));
        });
        System.out.println("timers (CPU µs): " + out.get("timers"));
        Map<?, ?> open = (Map<?, ?>) out.get("open_dashboard");
        System.out.println("open dashboard: a render of each panel every " + open.get("poll_every_s")
                + " s, history " + open.get("history_samples") + " samples; CPU µs per poll, median of "
                + open.get("rounds") + " rounds [quartiles], wall µs, answer chars");
        for (String transport : List.of("websocket", "ajax")) {
            Map<?, ?> t = (Map<?, ?>) open.get(transport);
            ((Map<?, ?>) t.get("panels")).forEach((panel, value) -> {
                Map<?, ?> m = (Map<?, ?>) value;
                System.out.printf(Locale.ROOT, "  %-10s %-24s %9s %21s %9s %8s%n", transport, panel,
                        m.get("cpu_us_per_poll"), m.get("cpu_quartiles_us"), m.get("wall_us_per_poll"),
                        m.get("answer_chars"));
            });
            System.out.printf(Locale.ROOT, "  %-10s one open viewer: %s µs per page poll, %s µs CPU/s = %s %% of one"
                    + " core = %s %s clicks/s (%s µs CPU each)%n", transport, t.get("cpu_us_per_page_poll"),
                    t.get("cpu_us_per_s"), t.get("pct_of_one_core"), t.get("clicks_per_s_equivalent"),
                    t.get("click_case"), t.get("click_cpu_us"));
        }
        System.out.println("groups per case: " + out.get("groups") + ", block ≈ " + out.get("block_ms")
                + " ms; load " + out.get("load_before") + " → " + out.get("load_after") + "; " + out.get("seconds")
                + " s");
    }
}
