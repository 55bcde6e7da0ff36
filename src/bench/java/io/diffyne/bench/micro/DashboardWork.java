package io.diffyne.bench.micro;

import static io.diffyne.bench.micro.Clicks.check;

import io.diffyne.broadcast.LocalBroadcastBus;
import io.diffyne.broadcast.SystemChannels;
import io.diffyne.dashboard.ClusterFigures;
import io.diffyne.dashboard.Instances;
import io.diffyne.health.BuildInfo;
import io.diffyne.health.ContextRoot;
import io.diffyne.health.HealthReport;
import io.diffyne.metrics.Gauge;
import io.diffyne.metrics.Metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What runs on a timer rather than per click, in process, as CPU time of the calling thread: with
 * {@code DIFFYNE_DASHBOARD=true}, {@link ClusterFigures}' publish every 5 seconds (prune the board, this instance's
 * figures from {@link Metrics#snapshot()} and its health report, to JSON, onto the local bus, and this instance's own
 * subscriber parsing it back); and, dashboard or not, the recorder's close of a 10-second interval (the first action
 * past the boundary does it). The recorder holds a full history (90 intervals) and the demo's three component types.
 * ClusterFigures is wired by reflection, field by field as the container injects it.
 */
final class DashboardWork {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile long sink;

    private final AtomicLong clock = new AtomicLong(1_800_000_000_000L);
    private final Metrics metrics = new Metrics(clock::get);
    private final ClusterFigures figures = new ClusterFigures();
    private final Method publish;
    private final AtomicLong delivered = new AtomicLong();

    DashboardWork() {
        metrics.gauge(Gauge.WEBSOCKET_CONNECTIONS, () -> 16);
        metrics.gauge(Gauge.SSE_STREAMS, () -> 0);
        metrics.gauge(Gauge.LIVE_COMPONENTS, () -> 16);
        for (int i = 0; i < Metrics.HISTORY + 1; i++) {
            recordSome();
            clock.addAndGet(Metrics.INTERVAL_MILLIS);
        }
        LocalBroadcastBus bus = new LocalBroadcastBus();
        // the WebSocket transport's subscriber sees every broadcast too; this one counts the instance figures
        bus.subscribe(b -> {
            if (SystemChannels.INSTANCES.equals(b.channel())) {
                delivered.incrementAndGet();
            }
        });
        Instances instances = new LocalInstance();
        inject(Instances.class, instances, "root", new ContextRoot());
        inject(ClusterFigures.class, figures, "bus", bus);
        inject(ClusterFigures.class, figures, "metrics", metrics);
        inject(ClusterFigures.class, figures, "instances", instances);
        try {
            Method listen = ClusterFigures.class.getDeclaredMethod("listen");
            listen.setAccessible(true);
            listen.invoke(figures);
            publish = ClusterFigures.class.getDeclaredMethod("publish");
            publish.setAccessible(true);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("ClusterFigures.listen() or publish() changed: update DashboardWork", e);
        }
    }

    /** A single instance's health on the local bus, as the health check reports it (no grid, no connections). */
    static final class LocalInstance extends Instances {
        private final long started = System.nanoTime();

        @Override
        public HealthReport report() {
            return new HealthReport(true, BuildInfo.version(), "websocket", "/diffyne", 16,
                    (System.nanoTime() - started) / 1_000_000_000L);
        }
    }

    /** Figures: {@code publish_*} and {@code interval_close_*}, µs of CPU each and µs of CPU per second of uptime. */
    Map<String, Object> measure() {
        Map<String, Object> out = new LinkedHashMap<>();
        // before any loop: the code only the timer runs is as cold as a 5-second cadence keeps it
        long first = cpu(this::publishOnce);
        double[] cold = new double[10];
        for (int i = 0; i < cold.length; i++) {
            cold[i] = cpu(this::publishOnce);
        }
        double warm = warmedMicros(this::publishOnce, 200);
        check(delivered.get() > 0 && sink != 0, "no instance figures reached the bus: the publish failed");
        out.put("publish_first_cpu_us", round(first / 1000.0));
        out.put("publish_cold_cpu_us", round(median(cold) / 1000.0));
        out.put("publish_warm_cpu_us", round(warm));
        out.put("publish_every_s", 5);
        out.put("publish_cold_cpu_us_per_s", round(median(cold) / 1000.0 / 5));
        out.put("publish_warm_cpu_us_per_s", round(warm / 5));

        // one action past the boundary (it closes the interval) less one that closes nothing
        double closing = warmedMicros(() -> {
            clock.addAndGet(Metrics.INTERVAL_MILLIS);
            recordSome();
        }, 200);
        double plain = warmedMicros(this::recordSome, 200);
        out.put("interval_close_cpu_us", round(closing - plain));
        out.put("interval_close_every_s", Metrics.INTERVAL_MILLIS / 1000);
        out.put("interval_close_cpu_us_per_s", round((closing - plain) / (Metrics.INTERVAL_MILLIS / 1000.0)));
        return out;
    }

    private void recordSome() {
        metrics.action("counter", true, null, 180_000);
        metrics.action("todo-list", true, null, 650_000);
        metrics.action("chat-room", true, "validation", 90_000);
    }

    private void publishOnce() {
        try {
            publish.invoke(figures);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
        sink += delivered.get();
    }

    /** CPU nanoseconds of one run of {@code task} on this thread. */
    private static long cpu(Runnable task) {
        long start = THREADS.getCurrentThreadCpuTime();
        task.run();
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    /** Median over 5 rounds of {@code n} runs, after 2 s of warm-up: CPU µs per run. */
    private static double warmedMicros(Runnable task, int n) {
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) {
            task.run();
        }
        double[] rounds = new double[5];
        for (int r = 0; r < rounds.length; r++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < n * 50; i++) {
                task.run();
            }
            rounds[r] = (THREADS.getCurrentThreadCpuTime() - start) / 1000.0 / (n * 50);
        }
        return median(rounds);
    }

    static void inject(Class<?> owner, Object target, String name, Object value) {
        try {
            field(owner, name).set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(owner.getSimpleName() + "." + name + " changed: update DashboardWork", e);
        }
    }

    /** {@code owner}'s field {@code name}, made writable: what the container injects into. */
    static Field field(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(owner.getSimpleName() + "." + name + " changed: update the benchmark", e);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
