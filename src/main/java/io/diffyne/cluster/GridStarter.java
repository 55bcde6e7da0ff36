package io.diffyne.cluster;

import io.diffyne.config.ClusterSettings;

import com.hazelcast.core.HazelcastInstance;

import java.util.Optional;
import java.util.logging.Logger;

/** The choice itself, apart from {@link GridSource} so that Hazelcast's classes load only where Hazelcast is. */
final class GridStarter {

    private static final Logger LOG = Logger.getLogger("diffyne.cluster");

    private GridStarter() {
    }

    static Optional<Grid> start(ClusterSettings cluster) {
        Optional<HazelcastInstance> payara = cluster.payaraGrid() ? PayaraGrid.lookup() : Optional.empty();
        if (payara.isPresent()) {
            if (cluster.embedded()) {
                LOG.warning(ClusterSettings.MEMBERS + " is ignored: Payara runs a data grid, which Diffyne uses"
                        + " (configure it with Payara's own options)");
            }
            return Optional.of(new HazelcastGrid(payara.get(), BusKind.PAYARA_HAZELCAST, false));
        }
        if (cluster.embedded()) {
            return Optional.of(new HazelcastGrid(EmbeddedMember.start(cluster), BusKind.EMBEDDED_HAZELCAST, true));
        }
        return Optional.empty();
    }
}
