package io.diffyne.dashboard;

import jakarta.enterprise.inject.Instance;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Publishes the figures as gauges in the application's MicroProfile Metrics registry (Payara: MicroProfile Metrics
 * 5.1, at {@code /metrics?scope=application}, e.g. {@code diffyne_actions{mp_scope="application"}}). The only class
 * that touches the MicroProfile Metrics API; loaded by {@link PlatformMetrics} only where the API is present.
 */
final class MicroProfileMetrics {

    static final String API = "org.eclipse.microprofile.metrics.MetricRegistry";

    private MicroProfileMetrics() {
    }

    /**
     * The number of gauges registered, or -1 when the server offers no registry to the application. {@code beans} is an
     * injected {@code Instance}: Payara's registry producer reads the injection point's annotations, which a lookup
     * through {@code CDI.current()} does not have (a NullPointerException in the producer).
     */
    static int register(Instance<Object> beans, List<PlatformFigure> figures) {
        Instance<MetricRegistry> registries = beans.select(MetricRegistry.class);
        if (!registries.isResolvable()) {
            return -1;
        }
        MetricRegistry registry = registries.get();
        for (PlatformFigure f : figures) {
            Metadata metadata = Metadata.builder().withName(f.name()).withDescription(f.description())
                    .withUnit(f.unit()).build();
            registry.gauge(metadata, f.value(), tags(f.tags()));
        }
        return figures.size();
    }

    private static Tag[] tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toArray(Tag[]::new);
    }
}
