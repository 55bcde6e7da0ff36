package io.diffyne.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.config.ClusterSettings;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The choice at deployment outside Payara: no JNDI grid here, so members set → embedded, none → no grid. */
@Timeout(60)
class GridStarterTest {

    @Test
    void withoutMembersOrAServerGridThereIsNoGrid() {
        assertEquals(Optional.empty(), PayaraGrid.lookup(), "no JNDI provider in a unit test");
        assertTrue(GridStarter.start(ClusterSettings.none()).isEmpty());
    }

    @Test
    void membersStartAnEmbeddedMemberBoundToLoopbackThatLeavesOnClose() {
        int port = GridMembers.freePorts(1).get(0);
        ClusterSettings settings = new ClusterSettings(List.of("127.0.0.1:" + port),
                "diffyne-test-" + UUID.randomUUID(), port, Optional.empty(), false);
        Grid grid = GridStarter.start(settings).orElseThrow();
        try {
            ClusterStatus status = grid.status();
            assertEquals(BusKind.EMBEDDED_HAZELCAST, status.bus());
            assertTrue(status.up());
            assertEquals(List.of("127.0.0.1:" + port), status.members());
            assertEquals(1, grid.bus().publish(new io.diffyne.runtime.BroadcastMessage("room:x", "n",
                    jakarta.json.JsonValue.NULL, null)).seq());
        } finally {
            grid.close();
        }
        assertTrue(!grid.status().up(), "the member this application started is shut down with it");
    }

    @Test
    void aGridWithEveryDiscoveryModeOffIsNoCluster() {
        com.hazelcast.config.JoinConfig off = new com.hazelcast.config.JoinConfig();
        off.getMulticastConfig().setEnabled(false);
        assertTrue(!PayaraGrid.joins(off), "auto-detection alone");
        com.hazelcast.config.JoinConfig tcp = new com.hazelcast.config.JoinConfig();
        tcp.getMulticastConfig().setEnabled(false);
        tcp.getAutoDetectionConfig().setEnabled(false);
        tcp.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:5900");
        assertTrue(PayaraGrid.joins(tcp), "--clustermode tcpip");
        assertTrue(!PayaraGrid.joins(new com.hazelcast.config.JoinConfig()), "Hazelcast 5's default: auto-detection only");
        com.hazelcast.config.JoinConfig multicast = new com.hazelcast.config.JoinConfig();
        multicast.getMulticastConfig().setEnabled(true);
        assertTrue(PayaraGrid.joins(multicast), "--clustermode multicast");
    }
}
