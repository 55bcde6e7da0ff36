package io.diffyne.dashboard;

import io.diffyne.metrics.ComponentSnapshot;
import io.diffyne.metrics.Metrics;
import io.diffyne.metrics.MetricsSnapshot;
import io.diffyne.metrics.Refusal;
import io.diffyne.protocol.ErrorType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The figures Diffyne publishes in a server's metrics registry (README, "Operations dashboard and metrics"), the same
 * the dashboard shows: totals since start, gauges now, latencies of the last closed 10-second interval. Every value
 * comes from one recorder snapshot taken at most once a second, however many gauges a scrape reads.
 */
final class PlatformFigures {

    static final String PREFIX = "diffyne.";
    private static final long MAX_AGE_MILLIS = 1_000;

    private final Metrics metrics;
    private volatile MetricsSnapshot cached;

    PlatformFigures(Metrics metrics) {
        this.metrics = metrics;
    }

    /** Every figure; per-component ones for {@code components}, the types registered at deployment. */
    List<PlatformFigure> all(Collection<String> components) {
        List<PlatformFigure> f = new ArrayList<>();
        f.add(total("actions", "actions handled since start, both transports", MetricsSnapshot::actions));
        f.add(figure("actions.rate", "actions per second over the last 10 s", "per_second", Map.of(),
                s -> s.now().actionsPerSecond()));
        f.add(figure("action.latency.p50", "server-side action latency, median over the last 10 s", "microseconds",
                Map.of(), s -> s.now().actionP50Micros()));
        f.add(figure("action.latency.p99", "server-side action latency, 99th percentile over the last 10 s",
                "microseconds", Map.of(), s -> s.now().actionP99Micros()));
        for (ErrorType type : ErrorType.values()) {
            f.add(count("action.errors", "failed actions since start, by error type", "none",
                    Map.of("type", type.wireName()), s -> s.errors().getOrDefault(type.wireName(), 0L)));
        }
        f.add(total("rate.limited", "requests refused by DIFFYNE_RATE_LIMIT since start", MetricsSnapshot::rateLimited));
        for (Refusal reason : Refusal.values()) {
            f.add(count("handshakes.refused", "WebSocket handshakes refused since start, by reason", "none",
                    Map.of("reason", reason.tag()), s -> s.handshakesRefused().getOrDefault(reason.tag(), 0L)));
        }
        f.add(figure("connections", "open connections by transport (ajax: distinct clients in the last minute)",
                "none", Map.of("transport", "websocket"), s -> s.now().webSocket()));
        f.add(figure("connections", "open connections by transport (ajax: distinct clients in the last minute)",
                "none", Map.of("transport", "sse"), s -> s.now().sse()));
        f.add(figure("connections", "open connections by transport (ajax: distinct clients in the last minute)",
                "none", Map.of("transport", "ajax"), s -> s.now().ajaxClients()));
        f.add(total("broadcasts", "broadcasts fanned out to this instance's connections since start",
                MetricsSnapshot::broadcasts));
        f.add(figure("broadcast.fanout.p99", "time to hand a broadcast to every listening connection, 99th"
                + " percentile since start", "microseconds", Map.of(), MetricsSnapshot::fanOutP99Micros));
        f.add(total("replays", "missed broadcasts replayed to resuming clients since start", MetricsSnapshot::replays));
        f.add(total("slow.consumers.closed", "connections closed for not reading fast enough since start",
                MetricsSnapshot::slowConsumers));
        f.add(figure("live.components", "live components held by WebSocket connections", "none", Map.of(),
                s -> s.now().liveComponents()));
        f.add(figure("heap.used", "JVM heap in use", "bytes", Map.of(), s -> s.now().heapUsedBytes()));
        for (String component : components) {
            Map<String, String> tag = Map.of("component", component);
            f.add(count("component.actions", "actions since start, by component", "none", tag,
                    s -> component(s, component, ComponentSnapshot::actions)));
            f.add(figure("component.latency.p50", "server-side latency since start by component, median",
                    "microseconds", tag, s -> component(s, component, ComponentSnapshot::p50Micros)));
            f.add(figure("component.latency.p99", "server-side latency since start by component, 99th percentile",
                    "microseconds", tag, s -> component(s, component, ComponentSnapshot::p99Micros)));
        }
        return f;
    }

    private PlatformFigure total(String name, String description, Function<MetricsSnapshot, Number> read) {
        return count(name, description, "none", Map.of(), read);
    }

    private PlatformFigure count(String name, String description, String unit, Map<String, String> tags,
                                 Function<MetricsSnapshot, Number> read) {
        return figure(name, description, unit, tags, true, read);
    }

    private PlatformFigure figure(String name, String description, String unit, Map<String, String> tags,
                                  Function<MetricsSnapshot, Number> read) {
        return figure(name, description, unit, tags, false, read);
    }

    private PlatformFigure figure(String name, String description, String unit, Map<String, String> tags,
                                  boolean cumulative, Function<MetricsSnapshot, Number> read) {
        Supplier<Number> value = () -> read.apply(snapshot());
        return new PlatformFigure(PREFIX + name, description, unit, tags, cumulative, value);
    }

    private static long component(MetricsSnapshot s, String name, Function<ComponentSnapshot, Long> read) {
        return s.components().stream().filter(c -> c.component().equals(name)).findFirst().map(read).orElse(0L);
    }

    MetricsSnapshot snapshot() {
        MetricsSnapshot s = cached;
        if (s == null || System.currentTimeMillis() - s.atMillis() > MAX_AGE_MILLIS) {
            s = metrics.snapshot();
            cached = s;
        }
        return s;
    }
}
