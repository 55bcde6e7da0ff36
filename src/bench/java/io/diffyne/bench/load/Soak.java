package io.diffyne.bench.load;

import static io.diffyne.bench.load.Jsons.JSON;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak test of {@code scripts/soak.sh} (issue 11, "What must hold" point 5): {@code clients} page sessions, each
 * with its own HTTP client and WebSocket, click the counter as fast as their answers come for {@code seconds}; every
 * answer is verified ({@link Counter#click}). Heap after full collections ({@code GET /bench/heap}) is read before any
 * client, while the clients are still active near the end, and every few seconds for up to a minute after they leave.
 * A class histogram of the server ({@code jcmd <pid> GC.class_histogram}) is taken at the end of the active phase and
 * once more at the very end, counting the classes of the idle-timer leak.
 * <p>
 * {@code java io.diffyne.bench.load.Soak <port> <wsKey> <serverPid> <clients> <seconds> <outDir>}
 * <p>
 * Exit 0: no error and the heap came back within 64 MiB of its start within 60 s of the clients leaving; 1: either
 * check failed; 2: the run itself could not be carried out (server unreachable, a probe failed).
 */
public final class Soak {

    private static final long MIB = 1024L * 1024L;
    private static final long RETURN_MARGIN = 64 * MIB;
    private static final Duration RETURN_WINDOW = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofSeconds(3);
    /** A client that failed this many times stops, so a dead server ends the run instead of spinning on errors. */
    private static final int MAX_ERRORS_PER_CLIENT = 10;
    private static final int MAX_ERROR_TEXTS = 10;
    private static final String[] LEAK_CLASSES = {"IdleTimeout", "ScheduledFutureTask", "WebComponentInvocation"};
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
    private static final Pattern OPEN_CONNECTIONS = Pattern.compile("\"openConnections\"\\s*:\\s*(\\d+)");

    private final Target target;
    private final long serverPid;
    private final int clients;
    private final Duration active;
    private final Path outDir;
    private final LongAdder messages = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicLong maxRoundTripNanos = new AtomicLong();
    private final ConcurrentLinkedQueue<String> errorTexts = new ConcurrentLinkedQueue<>();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private volatile boolean stop;

    private Soak(Target target, long serverPid, int clients, Duration active, Path outDir) {
        this.target = target;
        this.serverPid = serverPid;
        this.clients = clients;
        this.active = active;
        this.outDir = outDir;
    }

    public static void main(String[] args) throws Exception {
        Target target = new Target("127.0.0.1", Integer.parseInt(args[0]), args[1]);
        Soak soak = new Soak(target, Long.parseLong(args[2]), Integer.parseInt(args[3]),
                Duration.ofSeconds(Long.parseLong(args[4])), Path.of(args[5]));
        Files.createDirectories(soak.outDir);
        int status;
        try {
            status = soak.run();
        } catch (BenchFailure e) {
            System.err.println("SOAK FAILED TO RUN: " + e.getMessage());
            soak.results.put("failure", e.getMessage());
            status = 2;
        }
        soak.write();
        System.exit(status);
    }

    private int run() throws Exception {
        results.put("clients", clients);
        results.put("seconds", active.toSeconds());
        results.put("machine", Machine.describe());
        results.put("load_before", loadAverage());

        // 1. before any client
        long heapStart = heap();
        log("heap at start, after full GC: " + mb(heapStart) + " MB");

        // 2. every client opens its page session (one at a time: this is a soak, not a connect storm)
        List<ComponentClient> sessions = new ArrayList<>();
        Deadline connecting = Deadline.in(Duration.ofMinutes(3));
        for (int i = 0; i < clients; i++) {
            sessions.add(openWithRetry(connecting));
        }
        log(clients + " clients connected; clicking for " + active.toSeconds() + " s");

        CountDownLatch done = new CountDownLatch(clients);
        List<ComponentClient> live = new ArrayList<>(sessions);
        for (int i = 0; i < clients; i++) {
            int index = i;
            Thread t = new Thread(() -> {
                try {
                    live.set(index, clickUntilStopped(live.get(index)));
                } finally {
                    done.countDown();
                }
            }, "soak-client-" + i);
            t.setDaemon(true);
            t.start();
        }
        long startNanos = System.nanoTime();
        Deadline end = new Deadline(startNanos + active.toNanos());
        // the active reading is taken near the end, with every client still clicking
        long margin = Math.min(15, Math.max(3, active.toSeconds() / 5));
        Deadline measureAt = new Deadline(startNanos + active.minusSeconds(margin).toNanos());
        long lastReport = startNanos;
        while (!measureAt.passed()) {
            Thread.sleep(Math.min(1000, Math.max(1, measureAt.leftMillis())));
            if (System.nanoTime() - lastReport > 30_000_000_000L) {
                lastReport = System.nanoTime();
                log(String.format(Locale.ROOT, "t=%d s: %,d messages, %d errors", (lastReport - startNanos) / 1_000_000_000L,
                        messages.sum(), errors.sum()));
            }
        }

        // 3. and 5. heap and class histogram while active
        long heapActive = heap();
        long messagesAtActive = messages.sum();
        double activeAtSeconds = (System.nanoTime() - startNanos) / 1e9;
        log(String.format(Locale.ROOT, "heap while active (t=%.0f s, %,d messages), after full GC: %d MB",
                activeAtSeconds, messagesAtActive, mb(heapActive)));
        Histogram activeHistogram = histogram("histogram-active.txt");

        while (!end.passed()) {
            Thread.sleep(Math.min(500, Math.max(1, end.leftMillis())));
        }
        stop = true;
        boolean finished = done.await(60, TimeUnit.SECONDS);
        double activeSeconds = (System.nanoTime() - startNanos) / 1e9;
        BenchFailure.check(finished, "clients did not stop within 60 s of the end of the active phase");
        long totalMessages = messages.sum();
        results.put("load_active_end", loadAverage());

        // 4. the clients leave; the heap must come back
        live.forEach(c -> {
            if (c != null) {
                c.close();
            }
        });
        long leftNanos = System.nanoTime();
        log("clients closed; polling heap after full GC every " + POLL.toSeconds() + " s for up to "
                + RETURN_WINDOW.toSeconds() + " s");
        Deadline window = Deadline.in(RETURN_WINDOW);
        List<Map<String, Object>> polls = new ArrayList<>();
        long heapAfter;
        Double returnedAfter = null;
        while (true) {
            long pollStarted = System.nanoTime();
            heapAfter = heap();
            double at = (System.nanoTime() - leftNanos) / 1e9;
            Integer open = openConnections();
            Map<String, Object> poll = new LinkedHashMap<>();
            poll.put("seconds", round1(at));
            poll.put("heap_mb", mb(heapAfter));
            if (open != null) {
                poll.put("open_connections", open);
            }
            polls.add(poll);
            log(String.format(Locale.ROOT, "  +%5.1f s: heap %d MB%s", at, mb(heapAfter),
                    open == null ? "" : ", openConnections " + open));
            if (heapAfter - heapStart <= RETURN_MARGIN) {
                returnedAfter = at;
                break;
            }
            if (window.passed()) {
                break;
            }
            long wait = Math.min(window.leftMillis(), Math.max(0, POLL.toMillis()
                    - (System.nanoTime() - pollStarted) / 1_000_000));
            Thread.sleep(Math.max(1, wait));
        }
        Histogram afterHistogram = histogram("histogram-after.txt");

        long retainedPerMessage = messagesAtActive == 0 ? 0 : Math.round((double) (heapActive - heapStart) / messagesAtActive);
        results.put("messages", totalMessages);
        results.put("active_seconds", round1(activeSeconds));
        results.put("messages_per_s", Math.round(totalMessages / activeSeconds));
        results.put("errors", errors.sum());
        results.put("error_samples", new ArrayList<>(errorTexts));
        results.put("max_round_trip_ms", round1(maxRoundTripNanos.get() / 1e6));
        results.put("heap_start_mb", mb(heapStart));
        results.put("heap_active_mb", mb(heapActive));
        results.put("heap_active_at_seconds", round1(activeAtSeconds));
        results.put("messages_at_heap_active", messagesAtActive);
        results.put("retained_bytes_per_message", retainedPerMessage);
        results.put("heap_after_mb", mb(heapAfter));
        results.put("seconds_until_within_64mb", returnedAfter == null ? null : round1(returnedAfter));
        results.put("heap_polls", polls);
        results.put("histogram_active", activeHistogram.counts());
        results.put("histogram_after", afterHistogram.counts());

        System.out.println();
        System.out.println("Top of the class histogram at the end of the active phase (" + outDir.resolve(
                "histogram-active.txt") + "):");
        activeHistogram.top.forEach(System.out::println);
        System.out.println();
        System.out.println("== soak figures (MB = 2^20 bytes) ==");
        line("clients", String.valueOf(clients));
        line("seconds", String.format(Locale.ROOT, "%d (active %.1f s)", active.toSeconds(), activeSeconds));
        line("messages", String.format(Locale.ROOT, "%,d (clicks answered and verified)", totalMessages));
        line("messages/s", String.format(Locale.ROOT, "%,d", Math.round(totalMessages / activeSeconds)));
        line("errors", String.valueOf(errors.sum()));
        line("max round trip", String.format(Locale.ROOT, "%.1f ms", maxRoundTripNanos.get() / 1e6));
        line("heap start", mb(heapStart) + " MB");
        line("heap active", String.format(Locale.ROOT, "%d MB (t=%.0f s, %,d messages)", mb(heapActive),
                activeAtSeconds, messagesAtActive));
        line("heap after", mb(heapAfter) + " MB (" + (returnedAfter != null ? "last poll" : "after "
                + RETURN_WINDOW.toSeconds() + " s") + ")");
        line("retained/message", retainedPerMessage + " bytes ((active - start) / messages so far)");
        line("within 64 MB", returnedAfter == null ? "NO, not within " + RETURN_WINDOW.toSeconds() + " s"
                : String.format(Locale.ROOT, "after %.1f s", returnedAfter));
        for (String name : LEAK_CLASSES) {
            line("*" + name + "*", String.format(Locale.ROOT, "%,d instances active, %,d after",
                    activeHistogram.instances(name), afterHistogram.instances(name)));
        }
        errorTexts.forEach(e -> System.out.println("  error: " + e));

        boolean ok = errors.sum() == 0 && returnedAfter != null;
        results.put("passed", ok);
        System.out.println(ok ? "SOAK PASSED" : "SOAK FAILED:" + (errors.sum() > 0 ? " " + errors.sum() + " errors;" : "")
                + (returnedAfter == null ? " heap not within 64 MB of its start within 60 s of the clients leaving" : ""));
        return ok ? 0 : 1;
    }

    /** Clicks until {@link #stop}; returns the session left open (or null). A failure is counted, then a new session. */
    private ComponentClient clickUntilStopped(ComponentClient client) {
        ComponentClient c = client;
        int mine = 0;
        while (!stop) {
            try {
                if (c == null) {
                    c = ComponentClient.open(target.base(), Wire.http(), Counter.PAGE, target.diffyneSocket());
                }
                long nanos = Counter.click(c).nanos();
                messages.increment();
                maxRoundTripNanos.accumulateAndGet(nanos, Math::max);
            } catch (RuntimeException e) {
                errors.increment();
                if (errorTexts.size() < MAX_ERROR_TEXTS) {
                    errorTexts.add(Thread.currentThread().getName() + ": " + e.getMessage());
                }
                if (c != null) {
                    c.close();
                    c = null;
                }
                if (++mine >= MAX_ERRORS_PER_CLIENT) {
                    return null;
                }
            }
        }
        return c;
    }

    private ComponentClient openWithRetry(Deadline deadline) {
        while (true) {
            deadline.check("connecting the clients");
            try {
                return ComponentClient.open(target.base(), Wire.http(), Counter.PAGE, target.diffyneSocket());
            } catch (BenchFailure e) {
                errors.increment();
                if (errorTexts.size() < MAX_ERROR_TEXTS) {
                    errorTexts.add("connect: " + e.getMessage());
                }
                BenchFailure.check(errors.sum() < MAX_ERRORS_PER_CLIENT, "connects keep failing: " + e.getMessage());
            }
        }
    }

    /** Heap in use after full collections, from the bench WAR's probe (it collects until two readings agree). */
    private long heap() {
        HttpClient http = Wire.http();
        var request = HttpRequest.newBuilder(URI.create(target.base() + "/bench/heap"))
                .timeout(Duration.ofSeconds(120)).GET().build();
        var r = Wire.send(http, request);
        BenchFailure.check(r.statusCode() == 200, "GET /bench/heap answered " + r.statusCode());
        return ClientSnapshot.parse(r.body()).getJsonNumber("used").longValue();
    }

    private Integer openConnections() {
        try {
            var request = HttpRequest.newBuilder(URI.create(target.base() + "/_diffyne/health"))
                    .timeout(Duration.ofSeconds(20)).GET().build();
            Matcher m = OPEN_CONNECTIONS.matcher(Wire.send(Wire.http(), request).body());
            return m.find() ? Integer.parseInt(m.group(1)) : null;
        } catch (BenchFailure e) {
            return null;
        }
    }

    /** A class histogram of the server's live objects ({@code jcmd} collects first), kept in {@code file}. */
    private Histogram histogram(String file) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path out = outDir.resolve(file);
        Process p = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
                String.valueOf(serverPid), "GC.class_histogram")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new BenchFailure("jcmd GC.class_histogram did not finish within 180 s");
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        BenchFailure.check(p.exitValue() == 0, "jcmd GC.class_histogram failed: " + String.join(" / ", lines));
        Histogram h = new Histogram();
        for (String l : lines) {
            Matcher m = HISTOGRAM_ROW.matcher(l);
            if (m.matches()) {
                if (h.top.size() < 16) {
                    h.top.add(l);
                }
                String name = m.group(3);
                for (String pattern : LEAK_CLASSES) {
                    if (name.contains(pattern)) {
                        h.counts.merge(pattern, Long.parseLong(m.group(1)), Long::sum);
                    }
                }
            } else if (h.top.isEmpty() && l.contains("#instances")) {
                h.top.add(l);
            }
        }
        BenchFailure.check(h.top.size() > 1, "jcmd GC.class_histogram printed no class: " + out);
        return h;
    }

    private static final class Histogram {
        /** The header line and the 15 classes with the most bytes. */
        final List<String> top = new ArrayList<>();
        final Map<String, Long> counts = new LinkedHashMap<>();

        long instances(String pattern) {
            return counts.getOrDefault(pattern, 0L);
        }

        Map<String, Object> counts() {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String name : LEAK_CLASSES) {
                out.put(name, instances(name));
            }
            return out;
        }
    }

    private void write() throws IOException {
        results.values().removeIf(java.util.Objects::isNull);
        JsonWriterFactory factory = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        try (Writer w = Files.newBufferedWriter(outDir.resolve("soak.json"));
                var writer = factory.createWriter(w)) {
            writer.write(JSON.createObjectBuilder(results).build());
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long mb(long bytes) {
        return Math.round((double) bytes / MIB);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void line(String name, String value) {
        System.out.printf(Locale.ROOT, "%-26s %s%n", name, value);
    }

    private static void log(String text) {
        System.out.println("[soak] " + text);
    }
}
