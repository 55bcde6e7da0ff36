package io.diffyne.dashboard;

import io.diffyne.metrics.Metrics;
import io.diffyne.runtime.meta.ComponentRegistry;
import io.diffyne.runtime.meta.ComponentType;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.List;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At deployment, hands the figures to the server's own metrics facilities where it has ones the application can
 * reach: MicroProfile Metrics (Payara) and Micrometer (WildFly with its {@code micrometer} subsystem:
 * {@code docker/wildfly-micrometer.cli}); each only where its API class loads and its registry bean resolves. Where
 * there is none (Tomcat; WildFly's shipped configurations, which have no Micrometer subsystem) nothing is registered,
 * nothing is logged above FINE, and {@code <ctx>/_diffyne/metrics} is the way to read them. Independent of
 * {@code DIFFYNE_DASHBOARD}: the platform's endpoint is guarded by the platform. Micrometer's meters are removed when
 * the application stops (WildFly's registry is the server's and outlives a deployment).
 */
@ApplicationScoped
public class PlatformMetrics {

    static final Logger LOG = Logger.getLogger("diffyne.metrics");

    @Inject
    Metrics metrics;

    @Inject
    ComponentRegistry components;

    // not Instance<MetricRegistry> or Instance<MeterRegistry>: this class must load where neither API is present
    @Inject
    Instance<Object> beans;

    private int registered = -1;
    private AutoCloseable micrometer;

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        boolean microProfile = present(MicroProfileMetrics.API);
        boolean micrometerApi = present(MicrometerMetrics.API);
        if (!microProfile && !micrometerApi) {
            LOG.fine("No MicroProfile Metrics or Micrometer API here: Diffyne's figures are at <ctx>/_diffyne/metrics only");
            return;
        }
        List<String> types = components.types().stream().map(ComponentType::name).sorted().toList();
        if (microProfile) {
            add("MicroProfile Metrics", "gauges",
                    () -> MicroProfileMetrics.register(beans, new PlatformFigures(metrics).all(types)));
        }
        if (micrometerApi) {
            add("Micrometer", "meters", () -> {
                MicrometerMetrics.Registered meters = MicrometerMetrics.register(beans,
                        new PlatformFigures(metrics).all(types));
                micrometer = meters;
                return meters.count();
            });
        }
    }

    void atShutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        AutoCloseable meters = micrometer;
        micrometer = null;
        if (meters != null) {
            try {
                meters.close();
            } catch (Exception | LinkageError e) {
                LOG.log(Level.FINE, "Diffyne's Micrometer meters could not be removed", e);
            }
        }
    }

    private void add(String facility, String kind, IntSupplier register) {
        int count;
        try {
            count = register.getAsInt();
        } catch (RuntimeException | LinkageError e) {
            // a registry that refuses (a name taken, an older API): the figures stay readable as JSON
            LOG.log(Level.WARNING, "Diffyne's figures could not be registered with " + facility + ": " + e, e);
            return;
        }
        if (count >= 0) {
            registered = Math.max(registered, 0) + count;
            LOG.info(() -> "Diffyne registered " + count + " " + kind + " (diffyne.*) with " + facility);
        } else {
            LOG.fine(() -> "The " + facility + " API is here but no registry for the application");
        }
    }

    /** The gauges and meters registered with the platform's facilities, -1 when none were. */
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
