package io.diffyne.dashboard;

import io.diffyne.config.DashboardSettings;
import io.diffyne.health.HealthReport;
import io.diffyne.metrics.Gauge;
import io.diffyne.metrics.Metrics;
import io.diffyne.metrics.Refusal;
import io.diffyne.testing.DiffyneTest;
import io.diffyne.testing.TestKit;
import io.diffyne.testing.TestedComponent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The dashboard's panels render the recorder's figures, and a page past its access renders none. */
class PanelsTest {

    private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    private final Metrics metrics = new Metrics(clock::get);
    private final TestKit kit = DiffyneTest.kit()
            .provide(DashboardAccess.class, new DashboardAccess(new DashboardSettings(true, Optional.empty(),
                    Optional.of("panels-test-key-0123")), clock::get))
            .provide(Metrics.class, metrics)
            .provide(Instances.class, new Instances() {
                @Override
                public String self() {
                    return "node-1";
                }

                @Override
                public HealthReport report() {
                    return new HealthReport(true, "1.2.3", "websocket", "/diffyne", 2, 300, "embedded-hazelcast", true,
                            List.of("127.0.0.1:5701", "127.0.0.1:5702"));
                }
            })
            .provide(ClusterFigures.class, new ClusterFigures() {
                @Override
                public List<InstanceBoard.Listed> live() {
                    return List.of(new InstanceBoard.Listed(InstanceFiguresTest.figures("node-1:11/diffyne", 120), true, 0),
                            new InstanceBoard.Listed(InstanceFiguresTest.figures("node-2:22/diffyne", 345), false, 3_000));
                }
            });

    private Map<String, Object> valid() {
        return Map.of("until", clock.get() + 60_000);
    }

    @Test
    void theFiguresPanelShowsTotalsAndDrawsCharts() {
        metrics.gauge(Gauge.WEBSOCKET_CONNECTIONS, () -> 3);
        for (int i = 0; i < 20; i++) {
            metrics.action("counter", true, null, 2_000_000);
        }
        metrics.broadcast(50_000);
        clock.addAndGet(Metrics.INTERVAL_MILLIS);
        metrics.action("counter", true, null, 2_000_000);
        clock.addAndGet(Metrics.INTERVAL_MILLIS);
        TestedComponent<FiguresPanel> figures = kit.mount(FiguresPanel.class, valid());
        figures.assertText("[data-figure=actions] .detail", "21 since start")
                .assertText("[data-figure=actions] .value", "0.1/s")
                .assertText("[data-figure=websocket] .value", "3")
                .assertText("[data-figure=broadcasts] .detail", "1 since start")
                .assertPresent("[data-figure=actions] svg path[d^=M]")
                .assertCount(".tile", 14);
    }

    @Test
    void theComponentsPanelListsTypesErrorsAndRefusals() {
        metrics.action("counter", true, null, 1_500_000);
        metrics.action("todo-list", true, "validation_error", 500_000);
        metrics.handshakeRefused(Refusal.ORIGIN);
        kit.mount(ComponentsPanel.class, valid())
                .assertText("[data-component=counter] td:nth-child(2)", "1")
                .assertText("[data-component=todo-list] td:nth-child(3)", "1")
                .assertSee("validation_error", "origin");
    }

    @Test
    void theInstancesPanelShowsHealthAndMembers() {
        kit.mount(InstancesPanel.class, valid())
                .assertText("#ops-status", "UP")
                .assertSee("node-1", "1.2.3", "5 min", "embedded-hazelcast", "127.0.0.1:5701, 127.0.0.1:5702")
                .assertCount("[data-instance]", 2)
                .assertText("[data-instance='node-2:22/diffyne'] td:nth-child(2)", "3 s ago")
                .assertText("[data-instance='node-2:22/diffyne'] td:nth-child(7)", "345")
                .assertText("[data-instance='node-1:11/diffyne'] td:nth-child(6)", "2 / 1 / 3");
    }

    @Test
    void aPagePastItsAccessShowsNoFigures() {
        metrics.action("counter", true, null, 1_000_000);
        TestedComponent<FiguresPanel> figures = kit.mount(FiguresPanel.class, Map.of("until", clock.get() - 1));
        figures.assertMissing(".tile").assertSee("This page's access has ended");
        kit.mount(ComponentsPanel.class, Map.of("until", clock.get() - 1)).assertDontSee("counter");
    }
}
