package io.diffyne.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.metrics.Metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The figures as Micrometer meters: counters for totals, gauges named with their unit, removed when closed. */
class MicrometerMetricsTest {

    // WildFly's shape: the application writes to a composite, the exporting registry is its child
    private final SimpleMeterRegistry exported = new SimpleMeterRegistry();
    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();

    MicrometerMetricsTest() {
        registry.add(exported);
    }

    private static List<PlatformFigure> figures(Metrics metrics) {
        return new PlatformFigures(metrics).all(List.of("counter"));
    }

    @Test
    void totalsAreCountersAndTheRestGaugesNamedWithTheirUnit() {
        Metrics metrics = new Metrics();
        metrics.action("counter", true, null, 2_000_000);
        metrics.action("counter", true, "validation_error", 1_000_000);
        List<PlatformFigure> figures = figures(metrics);
        MicrometerMetrics.Registered meters = MicrometerMetrics.register(registry, figures);

        assertEquals(figures.size(), meters.count());
        assertEquals(figures.size(), exported.getMeters().size());
        FunctionCounter actions = exported.get("diffyne.actions").functionCounter();
        assertEquals(2.0, actions.count());
        assertEquals(1.0, exported.get("diffyne.action.errors").tag("type", "validation_error").functionCounter().count());
        assertEquals(2.0, exported.get("diffyne.component.actions").tag("component", "counter").functionCounter().count());
        Gauge heap = exported.get("diffyne.heap.used.bytes").gauge();
        assertTrue(heap.value() > 0, "heap " + heap.value());
        assertNotNull(exported.find("diffyne.action.latency.p99.microseconds").gauge());
        assertNotNull(exported.find("diffyne.actions.rate.per_second").gauge());
        assertNotNull(exported.find("diffyne.live.components").gauge());
        assertTrue(exported.get("diffyne.component.latency.p99.microseconds").tag("component", "counter").gauge()
                .value() > 1_500);
    }

    @Test
    void closedMetersAreGoneAndARedeployedApplicationsMetersReadItsOwnRecorder() {
        Metrics first = new Metrics();
        first.action("counter", true, null, 1_000_000);
        MicrometerMetrics.Registered meters = MicrometerMetrics.register(registry, figures(first));
        assertEquals(1.0, exported.get("diffyne.actions").functionCounter().count());

        meters.close();
        assertEquals(List.of(), registry.getMeters());
        assertNull(exported.find("diffyne.actions").functionCounter());

        Metrics second = new Metrics();
        second.action("counter", true, null, 1_000_000);
        second.action("counter", true, null, 1_000_000);
        second.action("counter", true, null, 1_000_000);
        MicrometerMetrics.register(registry, figures(second));
        assertEquals(3.0, exported.get("diffyne.actions").functionCounter().count());
    }
}
