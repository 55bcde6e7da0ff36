package io.diffyne.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.diffyne.broadcast.LocalBroadcastBus;
import io.diffyne.broadcast.SystemChannels;
import io.diffyne.health.HealthReport;
import io.diffyne.metrics.Metrics;
import io.diffyne.runtime.BroadcastMessage;

import jakarta.json.Json;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Two instances on one bus list each other's figures; other channels' and foreign messages are not theirs. */
class ClusterFiguresTest {

    private final LocalBroadcastBus bus = new LocalBroadcastBus();

    private ClusterFigures instance(String id, Metrics metrics) {
        ClusterFigures figures = new ClusterFigures();
        figures.bus = bus;
        figures.metrics = metrics;
        figures.instances = new Instances() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public HealthReport report() {
                return new HealthReport(true, "1.2.3", "websocket", "/diffyne", 0, 60);
            }
        };
        figures.listen();
        return figures;
    }

    @Test
    void eachInstanceListsItselfFirstAndTheOtherAsItLastPublished() {
        Metrics one = new Metrics();
        Metrics two = new Metrics();
        ClusterFigures a = instance("node-a:1/diffyne", one);
        ClusterFigures b = instance("node-b:2/diffyne", two);
        two.action("counter", true, null, 1_000_000);
        two.action("counter", true, null, 1_000_000);
        a.publish();
        b.publish();
        two.action("counter", true, null, 1_000_000); // after b published: a sees 2, b itself 3

        List<InstanceBoard.Listed> seenByA = a.live();
        assertEquals(List.of("node-a:1/diffyne", "node-b:2/diffyne"),
                seenByA.stream().map(l -> l.figures().instance()).toList());
        assertEquals(2, seenByA.get(1).figures().actions());
        assertEquals(3, b.live().get(0).figures().actions());
        assertEquals("node-a:1/diffyne", b.live().get(1).figures().instance());
        a.stop();
        b.stop();
    }

    @Test
    void messagesOnOtherChannelsOrNotFiguresAreIgnored() {
        ClusterFigures a = instance("node-a", new Metrics());
        bus.publish(new BroadcastMessage("chat.general", ClusterFigures.EVENT,
                InstanceFiguresTest.figures("intruder", 1).toJson(), null));
        bus.publish(new BroadcastMessage(SystemChannels.INSTANCES, ClusterFigures.EVENT,
                Json.createValue("not figures"), null));
        bus.publish(new BroadcastMessage(SystemChannels.INSTANCES, "other",
                InstanceFiguresTest.figures("other-event", 1).toJson(), null));
        assertEquals(List.of("node-a"), a.live().stream().map(l -> l.figures().instance()).toList());
        a.stop();
    }
}
