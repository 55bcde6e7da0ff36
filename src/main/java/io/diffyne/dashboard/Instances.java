package io.diffyne.dashboard;

import io.diffyne.health.ContextRoot;
import io.diffyne.health.HealthCheck;
import io.diffyne.health.HealthReport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This instance as the dashboard names it, and the cluster as its health check sees it: its own readiness and bus,
 * and every grid member's address. The other instances' figures come over the bus ({@link ClusterFigures}).
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

    /**
     * This instance among the cluster's: {@code host:pid} and the context root ({@code node-1:4711/diffyne}), unique
     * however many instances share a host.
     */
    public String id() {
        return self() + ":" + ProcessHandle.current().pid() + root.path();
    }

    public HealthReport report() {
        return health.report(root.path());
    }
}
