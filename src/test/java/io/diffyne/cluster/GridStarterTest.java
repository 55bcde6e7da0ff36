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
                "diffyne-test-" + UUID.randomUUID(), port, Optional.empty());
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
}
