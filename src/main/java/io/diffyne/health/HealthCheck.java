package io.diffyne.health;

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

    /** The report for a request to this application, whose context root is {@code contextPath} ("" at the root). */
    public HealthReport report(String contextPath) {
        DiffyneSettings settings = config.settings();
        int open = connections.isResolvable() ? connections.get().openConnections() : 0;
        return new HealthReport(readiness.isReady(), BuildInfo.version(), settings.transport().wireName(),
                contextPath + settings.wsPath(), open, readiness.uptimeSeconds());
    }
}
