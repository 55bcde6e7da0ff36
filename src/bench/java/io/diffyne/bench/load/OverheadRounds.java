package io.diffyne.bench.load;

import static io.diffyne.bench.load.Jsons.JSON;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * What recording costs in click throughput, robust to a machine shared with other work (issue #18: at most 2 %).
 * Three servers run side by side the whole time: {@code off} (the build with the recorder's methods emptied),
 * {@code on} (this build, dashboard enabled and closed) and {@code open} (this build, the dashboard page loaded every
 * 2 s while its windows run, as an open page polls). Each round measures every variant once, WebSocket then AJAX, in
 * short windows (16 clients clicking the counter), the order rotated every round; a round's two ratios
 * ({@code on/off}, {@code open/off}) compare windows seconds apart, so load that drifts over minutes cancels out. The
 * figure is the median of the per-round ratios with its interquartile range and a bootstrap 95 % interval of the
 * median; the load average is sampled every round.
 * <p>
 * {@code java io.diffyne.bench.load.OverheadRounds <wsKey> <dashboardKey> <rounds> <windowMillis> <out.json>
 * off=<port> on=<port> open=<port>}
 */
public final class OverheadRounds {

    private static final int CLIENTS = 16;
    private static final Duration POLL_EVERY = Duration.ofSeconds(2);

    private record Variant(String name, Target target, List<LongSupplier> webSocket, List<LongSupplier> ajax) {
    }

    private OverheadRounds() {
    }

    public static void main(String[] args) throws Exception {
        String key = args[0];
        String dashboardKey = args[1];
        int rounds = Integer.parseInt(args[2]);
        Duration window = Duration.ofMillis(Long.parseLong(args[3]));
        Path out = Path.of(args[4]);
        List<Variant> variants = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            String[] nameAndPort = args[i].split("=", 2);
            variants.add(open(nameAndPort[0], new Target("127.0.0.1", Integer.parseInt(nameAndPort[1]), key)));
        }
        BenchFailure.check(variants.get(0).name().equals("off") && variants.size() == 3, "off=…, on=…, open=…");
        Throughput windows = new Throughput(null, Duration.ofMillis(300), window);
        DashboardPoller poller = new DashboardPoller(variants.get(2).target(), dashboardKey);
        poller.start();

        // warm-up: every code path of every server through the JIT before anything counts
        for (int i = 0; i < 3; i++) {
            for (Variant v : variants) {
                windows.run(v.webSocket(), window);
                windows.run(v.ajax(), window);
            }
        }
        Map<String, double[]> opsPerSecond = new LinkedHashMap<>();
        for (Variant v : variants) {
            opsPerSecond.put(v.name() + ".websocket", new double[rounds]);
            opsPerSecond.put(v.name() + ".ajax", new double[rounds]);
        }
        List<Double> load = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            load.add(loadAverage());
            StringBuilder line = new StringBuilder("round " + (r + 1) + ":");
            for (int k = 0; k < variants.size(); k++) {
                Variant v = variants.get((r + k) % variants.size());
                poller.polling(v.name().equals("open"));
                double ws = windows.run(v.webSocket(), window).ops() * 1e9 / window.toNanos();
                double ajax = windows.run(v.ajax(), window).ops() * 1e9 / window.toNanos();
                poller.polling(false);
                opsPerSecond.get(v.name() + ".websocket")[r] = ws;
                opsPerSecond.get(v.name() + ".ajax")[r] = ajax;
                line.append(String.format(Locale.ROOT, " %s ws %.0f ajax %.0f", v.name(), ws, ajax));
            }
            System.out.println(line);
        }
        poller.interrupt();

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("rounds", rounds);
        results.put("window_ms", window.toMillis());
        results.put("clients", CLIENTS);
        results.put("load_average_1min", summary(load.stream().mapToDouble(Double::doubleValue).toArray()));
        Map<String, Object> ops = new LinkedHashMap<>();
        opsPerSecond.forEach((name, values) -> ops.put(name, summary(values)));
        results.put("ops_per_s", ops);
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (String transport : List.of("websocket", "ajax")) {
            double[] off = opsPerSecond.get("off." + transport);
            for (String variant : List.of("on", "open")) {
                double[] v = opsPerSecond.get(variant + "." + transport);
                double[] ratio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratio[r] = v[r] / off[r];
                }
                ratios.put(variant + "/off." + transport, ratioSummary(ratio));
            }
        }
        results.put("paired_ratios", ratios);
        String json = JSON.createObjectBuilder(results).build().toString();
        Files.writeString(out, json);
        System.out.println(json);
        System.exit(0);
    }

    private static Variant open(String name, Target target) {
        List<LongSupplier> ws = new ArrayList<>();
        List<LongSupplier> ajax = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            ComponentClient socket = ComponentClient.open(target.base(), Wire.http(), Counter.PAGE,
                    target.diffyneSocket());
            Counter.click(socket);
            ws.add(() -> Counter.click(socket).nanos());
            ComponentClient http = ComponentClient.open(target.base(), Wire.http(), Counter.PAGE, null);
            Counter.click(http);
            ajax.add(() -> Counter.click(http).nanos());
        }
        return new Variant(name, target, ws, ajax);
    }

    private static Map<String, Object> summary(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("median", round(quantile(sorted, 0.5)));
        out.put("p25", round(quantile(sorted, 0.25)));
        out.put("p75", round(quantile(sorted, 0.75)));
        out.put("min", round(sorted[0]));
        out.put("max", round(sorted[sorted.length - 1]));
        return out;
    }

    /** The median of the paired ratios, their quartiles, and a bootstrap 95 % interval of the median (2,000 draws). */
    private static Map<String, Object> ratioSummary(double[] ratios) {
        Map<String, Object> out = summary(ratios);
        SplittableRandom random = new SplittableRandom(18);
        double[] medians = new double[2_000];
        double[] draw = new double[ratios.length];
        for (int b = 0; b < medians.length; b++) {
            for (int i = 0; i < draw.length; i++) {
                draw[i] = ratios[random.nextInt(ratios.length)];
            }
            Arrays.sort(draw);
            medians[b] = quantile(draw, 0.5);
        }
        Arrays.sort(medians);
        out.put("median_ci95_low", round(quantile(medians, 0.025)));
        out.put("median_ci95_high", round(quantile(medians, 0.975)));
        out.put("overhead_percent", round((1 - quantile(sortedCopy(ratios), 0.5)) * 100));
        return out;
    }

    private static double[] sortedCopy(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Loads the {@code open} server's dashboard page every 2 s while told to, as an open page polls its panels. */
    private static final class DashboardPoller extends Thread {

        private final HttpClient http = Wire.http();
        private final HttpRequest request;
        private volatile boolean polling;

        DashboardPoller(Target target, String key) {
            super("dashboard-poller");
            setDaemon(true);
            request = HttpRequest.newBuilder(URI.create(target.base() + "/_diffyne/dashboard"))
                    .header("X-Diffyne-Dashboard-Key", key).timeout(Wire.TIMEOUT).build();
        }

        void polling(boolean on) {
            polling = on;
        }

        @Override
        public void run() {
            try {
                while (!isInterrupted()) {
                    if (polling) {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        BenchFailure.check(response.statusCode() == 200, "the dashboard answered "
                                + response.statusCode());
                    }
                    Thread.sleep(POLL_EVERY.toMillis());
                }
            } catch (InterruptedException e) {
                // done
            } catch (IOException e) {
                System.err.println("dashboard poll failed: " + e);
            }
        }
    }
}
