package io.diffyne.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class MetricsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final Metrics metrics = new Metrics(clock::get);

    @Test
    void countsActionsErrorsAndComponents() {
        metrics.action("counter", true, null, 2_000_000);
        metrics.action("counter", true, "validation_error", 4_000_000);
        metrics.action("made-up", false, "not_found", 10_000);
        MetricsSnapshot s = metrics.snapshot();
        assertEquals(3, s.actions());
        assertEquals(java.util.Map.of("validation_error", 1L, "not_found", 1L), s.errors());
        assertEquals(2, s.errorTotal());
        assertEquals(1, s.components().size());
        ComponentSnapshot counter = s.components().get(0);
        assertEquals("counter", counter.component());
        assertEquals(2, counter.actions());
        assertEquals(1, counter.errors());
        assertTrue(counter.p99Micros() > 3_500 && counter.p99Micros() < 4_500, "p99 " + counter.p99Micros());
    }

    @Test
    void closesTenSecondIntervalsIntoTheHistory() {
        metrics.gauge(Gauge.WEBSOCKET_CONNECTIONS, () -> 7);
        for (int i = 0; i < 50; i++) {
            metrics.action("counter", true, null, 1_000_000);
        }
        metrics.broadcast(300_000);
        metrics.replayed(4);
        metrics.slowConsumerClosed();
        metrics.rateLimited();
        metrics.handshakeRefused(Refusal.ORIGIN);
        assertEquals(List.of(), metrics.snapshot().history());
        clock.addAndGet(Metrics.INTERVAL_MILLIS);
        MetricsSnapshot s = metrics.snapshot();
        assertEquals(1, s.history().size());
        Sample first = s.history().get(0);
        assertEquals(5.0, first.actionsPerSecond());
        assertEquals(0.1, first.broadcastsPerSecond());
        assertEquals(4, first.replays());
        assertEquals(1, first.slowConsumers());
        assertEquals(1, first.rateLimited());
        assertEquals(1, first.handshakesRefused());
        assertEquals(7, first.webSocket());
        assertEquals(1, s.handshakesRefused().get("origin"));
        assertEquals(50, s.components().get(0).recentActions());
        clock.addAndGet(Metrics.INTERVAL_MILLIS);
        Sample second = metrics.snapshot().history().get(1);
        assertEquals(0.0, second.actionsPerSecond());
        assertEquals(0, second.replays());
        assertEquals(0, metrics.snapshot().components().get(0).recentActions());
    }

    @Test
    void anIdleGapIsFilledWithEmptyIntervalsAndTheHistoryIsBounded() {
        metrics.action("counter", true, null, 1_000);
        clock.addAndGet(Metrics.INTERVAL_MILLIS * 5 + 1);
        List<Sample> history = metrics.snapshot().history();
        assertEquals(5, history.size());
        assertEquals(0.1, history.get(4).actionsPerSecond());
        clock.addAndGet(Metrics.INTERVAL_MILLIS * 1000);
        assertEquals(Metrics.HISTORY, metrics.snapshot().history().size());
    }

    @Test
    void componentTypesAreBounded() {
        for (int i = 0; i < Metrics.MAX_COMPONENTS + 50; i++) {
            metrics.action("c" + i, true, null, 1_000);
        }
        List<ComponentSnapshot> components = metrics.snapshot().components();
        assertEquals(Metrics.MAX_COMPONENTS + 1, components.size());
        assertEquals(50, components.stream().filter(c -> c.component().equals(Metrics.OTHER)).findFirst()
                .orElseThrow().actions());
    }

    @Test
    void aFailingGaugeReadsAsZero() {
        metrics.gauge(Gauge.SSE_STREAMS, () -> {
            throw new IllegalStateException("gone");
        });
        assertEquals(0, metrics.snapshot().now().sse());
    }
}
