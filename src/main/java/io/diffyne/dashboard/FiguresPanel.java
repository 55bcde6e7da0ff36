package io.diffyne.dashboard;

import io.diffyne.component.Computed;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.metrics.Metrics;
import io.diffyne.metrics.MetricsSnapshot;
import io.diffyne.metrics.Sample;

import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The dashboard's tiles: each figure now, its total since start where it has one, and its last 15 minutes. */
@DiffyneComponent(FiguresPanel.NAME)
public class FiguresPanel extends OpsPanel {

    static final String NAME = "diffyne-ops/figures";

    @Inject
    Metrics metrics;

    @Computed
    public List<Map<String, Object>> getTiles() {
        MetricsSnapshot s = metrics.snapshot();
        Sample now = s.now();
        List<Sample> h = s.history();
        List<Map<String, Object>> tiles = new ArrayList<>();
        tiles.add(tile("actions", "Actions", Format.rate(now.actionsPerSecond()), s.actions() + " since start", h,
                Sample::actionsPerSecond));
        tiles.add(tile("latency", "Latency p50 / p99", Format.micros(now.actionP50Micros()) + " / "
                + Format.micros(now.actionP99Micros()), "since start " + Format.micros(s.actionP50Micros()) + " / "
                + Format.micros(s.actionP99Micros()), h, Sample::actionP99Micros));
        tiles.add(tile("errors", "Errors (10 s)", Long.toString(now.errors()), s.errorTotal() + " since start", h,
                Sample::errors));
        tiles.add(tile("rate-limited", "Rate-limited (10 s)", Long.toString(now.rateLimited()),
                s.rateLimited() + " since start", h, Sample::rateLimited));
        tiles.add(tile("refused", "Handshakes refused (10 s)", Long.toString(now.handshakesRefused()),
                s.handshakesRefusedTotal() + " since start", h, Sample::handshakesRefused));
        tiles.add(tile("websocket", "WebSocket connections", Long.toString(now.webSocket()), "open now", h,
                Sample::webSocket));
        tiles.add(tile("sse", "SSE streams", Long.toString(now.sse()), "open now", h, Sample::sse));
        tiles.add(tile("ajax", "AJAX clients", Long.toString(now.ajaxClients()), "in the last minute", h,
                Sample::ajaxClients));
        tiles.add(tile("broadcasts", "Broadcasts", Format.rate(now.broadcastsPerSecond()),
                s.broadcasts() + " since start", h, Sample::broadcastsPerSecond));
        tiles.add(tile("fan-out", "Fan-out p99", Format.micros(now.fanOutP99Micros()), "since start p50 "
                + Format.micros(s.fanOutP50Micros()), h, Sample::fanOutP99Micros));
        tiles.add(tile("replays", "Replays (10 s)", Long.toString(now.replays()), s.replays() + " since start", h,
                Sample::replays));
        tiles.add(tile("slow", "Slow consumers closed (10 s)", Long.toString(now.slowConsumers()),
                s.slowConsumers() + " since start", h, Sample::slowConsumers));
        tiles.add(tile("heap", "Heap used", Format.bytes(now.heapUsedBytes()), "JVM heap", h,
                Sample::heapUsedBytes));
        tiles.add(tile("live", "Live components", Long.toString(now.liveComponents()), "held by connections", h,
                Sample::liveComponents));
        return tiles;
    }

    private static Map<String, Object> tile(String id, String label, String value, String detail, List<Sample> h,
                                            ToDoubleFunction<Sample> figure) {
        Map<String, Object> tile = new LinkedHashMap<>();
        tile.put("id", id);
        tile.put("label", label);
        tile.put("value", value);
        tile.put("detail", detail);
        tile.put("path", Charts.path(h, figure));
        return tile;
    }
}
