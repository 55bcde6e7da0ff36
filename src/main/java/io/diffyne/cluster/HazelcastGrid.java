package io.diffyne.cluster;

import io.diffyne.broadcast.BroadcastBus;
import io.diffyne.runtime.ActionAnswers;
import io.diffyne.runtime.IssuedVersions;

import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;

import java.util.ArrayList;
import java.util.List;

/** The three seams on one Hazelcast instance, Payara's or one this application started (and then shuts down). */
final class HazelcastGrid implements Grid {

    private final HazelcastInstance instance;
    private final BusKind kind;
    private final boolean owned;
    private final HazelcastBroadcastBus bus;
    private final HazelcastIssuedVersions versions;
    private final HazelcastAnswers answers;

    HazelcastGrid(HazelcastInstance instance, BusKind kind, boolean owned) {
        this.instance = instance;
        this.kind = kind;
        this.owned = owned;
        if (!owned) {
            GridMaps.addTo(instance);
        }
        this.bus = new HazelcastBroadcastBus(instance, GridMaps.REPLAY);
        this.versions = new HazelcastIssuedVersions(instance);
        this.answers = new HazelcastAnswers(instance);
    }

    @Override
    public BroadcastBus bus() {
        return bus;
    }

    @Override
    public IssuedVersions versions() {
        return versions;
    }

    @Override
    public ActionAnswers answers() {
        return answers;
    }

    @Override
    public ClusterStatus status() {
        if (!instance.getLifecycleService().isRunning()) {
            return new ClusterStatus(kind, false, List.of());
        }
        try {
            List<String> members = new ArrayList<>();
            for (Member member : instance.getCluster().getMembers()) {
                Address address = member.getAddress();
                members.add(address.getHost() + ":" + address.getPort());
            }
            return new ClusterStatus(kind, true, members);
        } catch (HazelcastInstanceNotActiveException e) {
            return new ClusterStatus(kind, false, List.of());
        }
    }

    @Override
    public void close() {
        bus.close();
        if (owned) {
            instance.shutdown();
        }
    }
}
