package io.diffyne.dashboard;

import io.diffyne.health.ContextRoot;
import io.diffyne.health.HealthCheck;
import io.diffyne.health.HealthReport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The cluster as this instance sees it, from the health check: its own readiness and bus, and every grid member's
 * address. Figures of the other members are theirs to show (open each one's dashboard); this one shows its own.
 */
@ApplicationScoped
public class Instances {

    @Inject
    HealthCheck health;

    @Inject
    ContextRoot root;

    private volatile String self;

    /** This instance's host name, as the dashboard and the JSON name it. */
    public String self() {
        String name = self;
        if (name == null) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = "this instance";
            }
            self = name;
        }
        return name;
    }

    public HealthReport report() {
        return health.report(root.path());
    }
}
