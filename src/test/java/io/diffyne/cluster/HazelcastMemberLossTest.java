package io.diffyne.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.diffyne.broadcast.SequencedBroadcast;
import io.diffyne.runtime.BroadcastMessage;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;

import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A member that dies (as kill -9 does: terminated, no goodbye) while it owns the broadcast topic's ring buffer: the
 * other members keep delivering what is published after it.
 */
@Timeout(120)
class HazelcastMemberLossTest {

    private final List<HazelcastGrid> grids = new ArrayList<>();

    @AfterEach
    void stop() {
        grids.forEach(HazelcastGrid::close);
    }

    @Test
    void broadcastsStillReachTheOtherMembersAfterTheRingBuffersOwnerDied() throws Exception {
        List<HazelcastInstance> members = GridMembers.start(GridMembers.freePorts(3));
        for (HazelcastInstance member : members) {
            grids.add(new HazelcastGrid(member, BusKind.EMBEDDED_HAZELCAST, true));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (members.get(0).getCluster().getMembers().size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // the member that owns the ring buffer the topic reads from
        var partition = members.get(0).getPartitionService().getPartition("_hz_rb_" + GridMaps.TOPIC);
        while (partition.getOwner() == null && System.nanoTime() < deadline) {
            Thread.sleep(20); // the partition table is assigned on first use
        }
        Member owner = partition.getOwner();
        assertNotNull(owner, "the ring buffer's partition got an owner");
        int dying = -1;
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).getCluster().getLocalMember().getUuid().equals(owner.getUuid())) {
                dying = i;
            }
        }
        assertNotEquals(-1, dying, "the owner is one of the three");
        int listening = (dying + 1) % 3;
        int publishing = (dying + 2) % 3;
        BlockingQueue<SequencedBroadcast> received = new LinkedBlockingQueue<>();
        grids.get(listening).bus().subscribe(received::add);
        grids.get(publishing).bus().publish(new BroadcastMessage("room:loss", "said", JsonValue.TRUE, "c"));
        assertNotNull(received.poll(15, TimeUnit.SECONDS), "delivered while all three live");

        members.get(dying).getLifecycleService().terminate();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (members.get(listening).getCluster().getMembers().size() > 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        grids.get(publishing).bus().publish(new BroadcastMessage("room:loss", "said", JsonValue.FALSE, "c"));
        SequencedBroadcast after = received.poll(30, TimeUnit.SECONDS);
        assertNotNull(after, "a broadcast published after the ring buffer's owner died reached no other member");
        assertEquals(2, after.seq());
    }
}
