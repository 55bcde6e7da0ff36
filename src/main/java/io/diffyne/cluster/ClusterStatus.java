package io.diffyne.cluster;

import java.util.List;

/**
 * What health reports about the cluster.
 *
 * @param bus     the bus in use
 * @param up      whether the grid is reachable: false once the Hazelcast instance stopped (it was shut down, lost
 *                its cluster and could not rejoin, or failed); always true for the local bus
 * @param members the {@code host:port} of every member this instance sees, itself included; empty for the local bus
 */
public record ClusterStatus(BusKind bus, boolean up, List<String> members) {

    public ClusterStatus {
        members = List.copyOf(members);
    }

    public static ClusterStatus local() {
        return new ClusterStatus(BusKind.LOCAL, true, List.of());
    }
}
