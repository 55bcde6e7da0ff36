package io.diffyne.dashboard;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;

import jakarta.enterprise.inject.Instance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Publishes the figures in the application's Micrometer {@link MeterRegistry} (WildFly: its {@code micrometer}
 * subsystem hands every deployment the {@code io.micrometer} module and a {@code MeterRegistry} bean that tags each
 * meter {@code WF_DEPLOYMENT=<war>}; its Prometheus registry writes {@code diffyne.actions} as
 * {@code diffyne_actions_total}). Totals are function counters, the rest gauges whose name ends with their unit
 * ({@code diffyne.heap.used.bytes}), as Micrometer's gauge API takes no unit there. The only class that touches the
 * Micrometer API; loaded by {@link PlatformMetrics} only where the API is present.
 *
 * <p>WildFly's registry is the server's, not the deployment's: meters outlive an undeployment unless removed, and a
 * redeployed application's meters of the same name would then be taken for the old ones (the registry hands back a
 * meter it already has). {@link Registered#close()} removes them; {@link PlatformMetrics} calls it when the
 * application stops. Only the public {@code gauge} and {@code more().counter} methods are used: WildFly's application
 * registry routes those to the server's registry, not {@code Gauge.builder(…).register(…)}.
 */
final class MicrometerMetrics {

    static final String API = "io.micrometer.core.instrument.MeterRegistry";

    private MicrometerMetrics() {
    }

    /** The meters registered, to count and to remove; empty when the server offers no registry to the application. */
    static final class Registered implements AutoCloseable {

        private final MeterRegistry registry;
        private final List<Meter> meters;
        // Micrometer's gauges hold their state weakly: the figures must live as long as the meters
        private final List<PlatformFigure> figures;

        private Registered(MeterRegistry registry, List<Meter> meters, List<PlatformFigure> figures) {
            this.registry = registry;
            this.meters = meters;
            this.figures = figures;
        }

        int count() {
            return registry == null ? -1 : meters.size();
        }

        @Override
        public void close() {
            if (registry != null) {
                meters.forEach(registry::remove);
                meters.clear();
            }
        }

        List<PlatformFigure> figures() {
            return figures;
        }
    }

    /** The figures as meters in the registry {@code beans} resolves, if it resolves one. */
    static Registered register(Instance<Object> beans, List<PlatformFigure> figures) {
        Instance<MeterRegistry> registries = beans.select(MeterRegistry.class);
        if (!registries.isResolvable()) {
            return new Registered(null, List.of(), List.of());
        }
        return register(registries.get(), figures);
    }

    static Registered register(MeterRegistry registry, List<PlatformFigure> figures) {
        List<Meter> meters = new ArrayList<>();
        Registered registered = new Registered(registry, meters, List.copyOf(figures));
        for (PlatformFigure f : registered.figures()) {
            List<Tag> tags = tags(f.tags());
            if (f.cumulative()) {
                meters.add(registry.more().counter(f.name(), tags, f, MicrometerMetrics::read));
            } else {
                String name = name(f);
                registry.gauge(name, tags, f, MicrometerMetrics::read);
                // gauge() answers the state object; the meter, for removal, is found again (by name and tags)
                meters.add(Objects.requireNonNull(registry.find(name).tags(tags).gauge(), name));
            }
        }
        return registered;
    }

    /** The gauge's name: the figure's, with its unit last when it has one. */
    static String name(PlatformFigure f) {
        return f.unit().equals("none") ? f.name() : f.name() + "." + f.unit();
    }

    private static double read(PlatformFigure f) {
        return f.value().get().doubleValue();
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.of(e.getKey(), e.getValue())).toList();
    }
}
