package io.diffyne.health;

import io.diffyne.cluster.ClusterStatus;
import io.diffyne.cluster.GridSource;
import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.DiffyneSettings;
import io.diffyne.runtime.ConnectionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Builds the health answer both health URLs serve. */
@ApplicationScoped
public class HealthCheck {

    @Inject
    DiffyneConfig config;

    @Inject
    Readiness readiness;

    // the WebSocket transport provides ConnectionStatus; without it (AJAX-only builds, tests) there are no connections
    @Inject
    Instance<ConnectionStatus> connections;

    // the cluster's grid source; absent in builds and tests without the cluster package's beans: the local bus
    @Inject
    Instance<GridSource> grid;

    /** The report for a request to this application, whose context root is {@code contextPath} ("" at the root). */
    public HealthReport report(String contextPath) {
        DiffyneSettings settings = config.settings();
        int open = connections.isResolvable() ? connections.get().openConnections() : 0;
        ClusterStatus cluster = grid.isResolvable() ? grid.get().status() : ClusterStatus.local();
        return new HealthReport(readiness.isReady(), BuildInfo.version(), settings.transport().wireName(),
                contextPath + settings.wsPath(), open, readiness.uptimeSeconds(), cluster.bus().wireName(),
                cluster.up(), cluster.members());
    }
}
