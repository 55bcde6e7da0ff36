package io.diffyne.cluster;

import io.diffyne.config.ClusterSettings;
import io.diffyne.config.ConfigurationException;
import io.diffyne.config.DiffyneConfig;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Picks the grid once, at deployment: (a) Payara's own when the server runs one and
 * {@code DIFFYNE_CLUSTER_PAYARA_GRID=true}, else (b) an embedded member when
 * {@code DIFFYNE_CLUSTER_MEMBERS} is set, else (c) none, and the in-JVM classes serve. An embedded member that
 * cannot start fails the deployment, as a bad setting does. Holds no Hazelcast type itself, so it loads (and
 * chooses none) on a server without Hazelcast.
 */
@ApplicationScoped
public class GridSource {

    private static final Logger LOG = Logger.getLogger("diffyne.cluster");

    @Inject
    DiffyneConfig config;

    private Grid grid;

    @PostConstruct
    void choose() {
        ClusterSettings cluster = config.settings().cluster();
        if (!hazelcastPresent()) {
            if (cluster.embedded()) {
                throw new ConfigurationException(ClusterSettings.MEMBERS + " is set but Hazelcast"
                        + " (com.hazelcast:hazelcast) is not on the application's class path");
            }
            LOG.info("Diffyne cluster: none (Hazelcast is not on the class path); the bus is local");
            return;
        }
        grid = GridStarter.start(cluster).orElse(null);
        ClusterStatus status = status();
        LOG.info("Diffyne cluster: bus " + status.bus().wireName() + ", members " + status.members());
    }

    /** Makes the choice at deployment, not at the first broadcast. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        status();
    }

    @PreDestroy
    void close() {
        if (grid != null) {
            grid.close();
        }
    }

    /** The grid's implementations, empty when there is none. */
    Optional<Grid> grid() {
        return Optional.ofNullable(grid);
    }

    public ClusterStatus status() {
        return grid == null ? ClusterStatus.local() : grid.status();
    }

    private static boolean hazelcastPresent() {
        try {
            Class.forName("com.hazelcast.core.HazelcastInstance", false, GridSource.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
