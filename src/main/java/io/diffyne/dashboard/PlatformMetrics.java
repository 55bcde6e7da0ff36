package io.diffyne.dashboard;

import io.diffyne.metrics.Metrics;
import io.diffyne.runtime.meta.ComponentRegistry;
import io.diffyne.runtime.meta.ComponentType;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At deployment, hands the figures to the server's own metrics facility where it has one the application can reach:
 * MicroProfile Metrics (Payara). Where there is none (Tomcat; WildFly 39, whose Micrometer and MicroProfile Telemetry
 * subsystems are not in its default configuration) nothing is registered and {@code <ctx>/_diffyne/metrics} is the
 * way to read them. Independent of {@code DIFFYNE_DASHBOARD}: the platform's endpoint is guarded by the platform.
 */
@ApplicationScoped
public class PlatformMetrics {

    static final Logger LOG = Logger.getLogger("diffyne.metrics");

    @Inject
    Metrics metrics;

    @Inject
    ComponentRegistry components;

    // not Instance<MetricRegistry>: this class must load where the MicroProfile Metrics API is absent
    @Inject
    Instance<Object> beans;

    private int registered = -1;

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!present(MicroProfileMetrics.API)) {
            LOG.fine("No MicroProfile Metrics API here: Diffyne's figures are at <ctx>/_diffyne/metrics only");
            return;
        }
        List<String> types = components.types().stream().map(ComponentType::name).sorted().toList();
        try {
            registered = MicroProfileMetrics.register(beans, new PlatformFigures(metrics).all(types));
        } catch (RuntimeException | LinkageError e) {
            // a registry that refuses (a name taken, an older API): the figures stay readable as JSON
            LOG.log(Level.WARNING, "Diffyne's figures could not be registered with MicroProfile Metrics: " + e, e);
            return;
        }
        if (registered >= 0) {
            LOG.info(() -> "Diffyne registered " + registered + " gauges (diffyne.*) with MicroProfile Metrics");
        }
    }

    /** The gauges registered with the platform, -1 when none were. */
    public int registered() {
        return registered;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, PlatformMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
