package io.diffyne.bench.micro;

import static io.diffyne.bench.micro.Clicks.JSON;
import static io.diffyne.bench.micro.Clicks.check;
import static io.diffyne.bench.micro.DashboardWork.median;
import static io.diffyne.bench.micro.DashboardWork.round;
import static io.diffyne.bench.micro.MetricsOverheadBench.quantile;

import io.diffyne.component.Component;
import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.DiffyneSettings;
import io.diffyne.dashboard.ClusterFigures;
import io.diffyne.dashboard.ComponentsPanel;
import io.diffyne.dashboard.DashboardAccess;
import io.diffyne.dashboard.FiguresPanel;
import io.diffyne.dashboard.Instances;
import io.diffyne.dashboard.InstancesPanel;
import io.diffyne.dashboard.OpsPanel;
import io.diffyne.health.ContextRoot;
import io.diffyne.metrics.Gauge;
import io.diffyne.metrics.Metrics;
import io.diffyne.metrics.Refusal;
import io.diffyne.runtime.meta.ComponentInstance;
import io.diffyne.runtime.meta.ComponentRegistry;
import io.diffyne.runtime.meta.ComponentType;
import jakarta.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What an open dashboard page costs the server: its three panels ({@link InstancesPanel}, {@link FiguresPanel},
 * {@link ComponentsPanel}) each carry {@code diff:poll.2s} without an action, which the client sends as a
 * {@code render} request every 2 seconds (poll.js: {@code $refresh}; protocol.md section 3): verify the snapshot,
 * hydrate, render the whole panel (the figures' 14 SVG charts from the recorder's 15-minute history), keep the tree,
 * answer the whole HTML with the state, the version and signature unchanged (no diff, no new signature). The runtime
 * is wired by hand as {@link Clicks} wires the demo's, and records into the very {@link Metrics} the panels read,
 * whose history is full: 90 closed 10-second intervals of varied traffic (actions of three component types with
 * errors, broadcasts, refusals, AJAX clients), recorded with a clock moved through them. The panels' injected fields
 * are set as the container sets them (by reflection: they are package-private), once per instance the runtime creates.
 * Figures: CPU time of this thread per poll, per panel and transport (WebSocket, the default, by reference to the
 * connection's copy; AJAX with the full snapshot), warmed, the median of many rounds (panels and transports in turns
 * within each round, so a drift of the machine's speed touches all alike).
 */
final class OpenDashboard {

    static final int POLL_EVERY_S = 2;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final JsonObject RENDER = JSON.createObjectBuilder().add("type", "render").build();
    private static final String CLIENT_ID = "Dq8Zr2Lw5Xc1Vb7Nm4Kj0H";
    private static final long ROUND_NANOS = 20_000_000;
    private static volatile long sink;

    private final AtomicLong clock = new AtomicLong(1_800_000_000_000L);
    private final Metrics metrics = new Metrics(clock::get);
    private final Map<Class<?>, Map<Field, Object>> wiring = new LinkedHashMap<>();
    private final Clicks dashboard;
    private final List<Poll> polls = new ArrayList<>();
    private final long warmupMillis;
    private final int rounds;

    /** One panel's poll over one transport. */
    private record Poll(String panel, String transport, Supplier<String> send) {
    }

    /** The configuration a container would read, here from a map: the dashboard on, its role set. */
    private static final class Config extends DiffyneConfig {
        private final DiffyneSettings settings;

        Config(DiffyneSettings settings) {
            this.settings = settings;
        }

        @Override
        public DiffyneSettings settings() {
            return settings;
        }
    }

    OpenDashboard(boolean quick) {
        warmupMillis = quick ? 1_000 : 6_000;
        rounds = quick ? 11 : 101;
        fill();
        DiffyneSettings settings = DiffyneSettings.load(name -> Optional.ofNullable(Map.of("DIFFYNE_WS_KEY",
                Clicks.KEY, "DIFFYNE_RATE_LIMIT", "0", "DIFFYNE_DASHBOARD", "true", "DIFFYNE_DASHBOARD_ROLE",
                "ops").get(name)));
        DashboardAccess access = new DashboardAccess(new Config(settings));
        Instances instances = new DashboardWork.LocalInstance();
        DashboardWork.inject(Instances.class, instances, "root", new ContextRoot());
        ClusterFigures cluster = new ClusterFigures();
        DashboardWork.inject(ClusterFigures.class, cluster, "metrics", metrics);
        DashboardWork.inject(ClusterFigures.class, cluster, "instances", instances);
        Field panelAccess = DashboardWork.field(OpsPanel.class, "access");
        wiring.put(InstancesPanel.class, Map.of(panelAccess, access,
                DashboardWork.field(InstancesPanel.class, "instances"), instances,
                DashboardWork.field(InstancesPanel.class, "cluster"), cluster));
        wiring.put(FiguresPanel.class, Map.of(panelAccess, access,
                DashboardWork.field(FiguresPanel.class, "metrics"), metrics));
        wiring.put(ComponentsPanel.class, Map.of(panelAccess, access,
                DashboardWork.field(ComponentsPanel.class, "metrics"), metrics));
        dashboard = new Clicks(ComponentRegistry.of(List.copyOf(wiring.keySet())), this::create, settings);
        dashboard.recordInto(metrics);
        // as DashboardResource mounts them: the access's lifetime as each panel's until
        long until = System.currentTimeMillis() + Duration.ofHours(8).toMillis();
        char[] clientId = CLIENT_ID.toCharArray();
        for (Class<?> panel : wiring.keySet()) {
            String name = ComponentType.of(panel).name();
            JsonObject snapshot = Clicks.snapshotOf(dashboard.runtime.mount(name, Map.of("until", until),
                    dashboard.ajax).html());
            Clicks.Socket socket = dashboard.overSocket(snapshot);
            polls.add(new Poll(name, "websocket", () -> socket.action(RENDER)));
            // what UpdateResource records per request, then the runtime
            polls.add(new Poll(name, "ajax", () -> {
                metrics.ajaxClient(new String(clientId));
                return dashboard.action(snapshot, RENDER);
            }));
        }
        for (Poll p : polls) {
            String answer = p.send().get();
            check(answer.contains("\"s\":true") && answer.contains("\"h\":") && answer.contains("ops-")
                    && !answer.contains("access has ended"), p.panel() + " over " + p.transport()
                    + " did not render its figures: " + answer);
        }
        String figuresPanel = ComponentType.of(FiguresPanel.class).name();
        String figures = polls.stream().filter(p -> p.panel().equals(figuresPanel)).findFirst().orElseThrow()
                .send().get();
        check(figures.contains("M0.0,") && figures.contains("L300.0,"), "the charts do not span a full history");
    }

    /** The panel the runtime asked for, its injected fields set. */
    private ComponentInstance create(ComponentType type) {
        Component panel = type.newPlainInstance();
        try {
            for (Map.Entry<Field, Object> f : wiring.get(type.componentClass()).entrySet()) {
                f.getKey().set(panel, f.getValue());
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return new ComponentInstance(panel, () -> { });
    }

    /**
     * 91 intervals of 10 s of varied traffic, the clock moved through each, so the history holds 90 closed ones; then
     * the clock stays 4 s into the next interval (no close during the measurement: one poll in five closes one in
     * production, a cost {@link DashboardWork} measures).
     */
    private void fill() {
        SplittableRandom random = new SplittableRandom(18);
        long start = clock.get();
        long step = Metrics.INTERVAL_MILLIS;
        metrics.gauge(Gauge.WEBSOCKET_CONNECTIONS, () -> 12 + (clock.get() - start) / step % 9);
        metrics.gauge(Gauge.SSE_STREAMS, () -> (clock.get() - start) / step % 3);
        metrics.gauge(Gauge.LIVE_COMPONENTS, () -> 30 + (clock.get() - start) / step % 17);
        Refusal[] refusals = Refusal.values();
        for (int i = 0; i <= Metrics.HISTORY; i++) {
            long from = start + i * step;
            int actions = 40 + random.nextInt(400);
            for (int a = 0; a < actions; a++) {
                clock.set(from + a * step / actions);
                int kind = random.nextInt(10);
                String component = kind < 6 ? "counter" : kind < 9 ? "todo-list" : "chat-room";
                long micros = kind < 6 ? 150 + random.nextInt(300) : kind < 9 ? 400 + random.nextInt(1200)
                        : 100 + random.nextInt(250);
                int fate = random.nextInt(1000);
                String error = fate < 8 ? "validation_error" : fate < 10 ? "stale_snapshot" : null;
                metrics.action(component, true, error, micros * 1000);
                if (kind == 9) {
                    metrics.broadcast((50 + random.nextInt(500)) * 1000L);
                }
                if (random.nextInt(5) == 0) {
                    metrics.ajaxClient("client-" + random.nextInt(6));
                }
                if (random.nextInt(400) == 0) {
                    metrics.rateLimited();
                }
                if (random.nextInt(1500) == 0) {
                    metrics.handshakeRefused(refusals[random.nextInt(refusals.length)]);
                }
                if (random.nextInt(3000) == 0) {
                    metrics.replayed(1 + random.nextInt(5));
                }
                if (random.nextInt(6000) == 0) {
                    metrics.slowConsumerClosed();
                }
            }
        }
        clock.set(start + (Metrics.HISTORY + 1) * step + 4_000);
        check(metrics.snapshot().history().size() == Metrics.HISTORY, "the history is not full");
    }

    /**
     * Per panel and transport: CPU and wall µs per poll. Then per transport the sum over the panels, per second of
     * an open page ({@link #POLL_EVERY_S}), as % of one core and as that many clicks of {@code clickCpuUs} (CPU µs
     * per click by transport, recording on, from the same run).
     */
    Map<String, Object> measure(Map<String, Double> clickCpuUs, Map<String, String> clickCase) {
        long end = System.nanoTime() + warmupMillis * 1_000_000;
        while (System.nanoTime() < end) {
            for (Poll p : polls) {
                sink += p.send().get().length();
            }
        }
        int[] n = new int[polls.size()];
        for (int i = 0; i < n.length; i++) {
            long t0 = System.nanoTime();
            int count = 0;
            while (System.nanoTime() - t0 < ROUND_NANOS * 5) {
                sink += polls.get(i).send().get().length();
                count++;
            }
            n[i] = Math.max(2, (int) (count / 5));
        }
        System.gc();
        double[][] cpu = new double[polls.size()][rounds];
        double[][] wall = new double[polls.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < polls.size(); k++) {
                // a different panel first each round
                int i = (k + r) % polls.size();
                Poll p = polls.get(i);
                long c0 = THREADS.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                for (int j = 0; j < n[i]; j++) {
                    sink += p.send().get().length();
                }
                wall[i][r] = (System.nanoTime() - w0) / 1000.0 / n[i];
                cpu[i][r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1000.0 / n[i];
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("history_samples", metrics.snapshot().history().size());
        out.put("poll_every_s", POLL_EVERY_S);
        out.put("rounds", rounds);
        for (String transport : List.of("websocket", "ajax")) {
            Map<String, Object> t = new LinkedHashMap<>();
            Map<String, Object> panels = new LinkedHashMap<>();
            double sum = 0;
            for (int i = 0; i < polls.size(); i++) {
                Poll p = polls.get(i);
                if (!p.transport().equals(transport)) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                double median = median(cpu[i]);
                sum += median;
                m.put("polls_per_round", n[i]);
                m.put("cpu_us_per_poll", round(median));
                m.put("cpu_quartiles_us", List.of(round(quantile(cpu[i], 0.25)), round(quantile(cpu[i], 0.75))));
                m.put("wall_us_per_poll", round(median(wall[i])));
                m.put("answer_chars", p.send().get().length());
                panels.put(p.panel(), m);
            }
            double perSecond = sum / POLL_EVERY_S;
            double click = clickCpuUs.get(transport);
            t.put("panels", panels);
            t.put("cpu_us_per_page_poll", round(sum));
            t.put("cpu_us_per_s", round(perSecond));
            t.put("pct_of_one_core", Math.round(perSecond / 1e6 * 100 * 1000) / 1000.0);
            t.put("click_case", clickCase.get(transport));
            t.put("click_cpu_us", round(click));
            t.put("clicks_per_s_equivalent", Math.round(perSecond / click * 10) / 10.0);
            out.put(transport, t);
        }
        return out;
    }

}
