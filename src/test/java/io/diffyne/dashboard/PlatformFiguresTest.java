package io.diffyne.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.metrics.Metrics;
import io.diffyne.metrics.Refusal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PlatformFiguresTest {

    private final Metrics metrics = new Metrics();
    private final List<PlatformFigure> figures = new PlatformFigures(metrics).all(List.of("counter"));

    private Number value(String name, Map<String, String> tags) {
        return figures.stream().filter(f -> f.name().equals(name) && f.tags().equals(tags)).findFirst().orElseThrow()
                .value().get();
    }

    @Test
    void namesAndTagsAreUniqueAndPrefixed() {
        Set<String> ids = new HashSet<>();
        for (PlatformFigure f : figures) {
            assertTrue(f.name().startsWith("diffyne."), f.name());
            assertTrue(ids.add(f.name() + f.tags()), "twice: " + f.name() + f.tags());
            assertTrue(Set.of("none", "microseconds", "bytes", "per_second").contains(f.unit()), f.unit());
        }
    }

    @Test
    void theGaugesReadTheRecorder() {
        metrics.action("counter", true, null, 3_000_000);
        metrics.action("counter", true, "validation_error", 1_000_000);
        metrics.handshakeRefused(Refusal.CREDENTIAL);
        // the first read takes the snapshot the others share (for a second)
        assertEquals(2L, value("diffyne.actions", Map.of()));
        assertEquals(1L, value("diffyne.action.errors", Map.of("type", "validation_error")));
        assertEquals(0L, value("diffyne.action.errors", Map.of("type", "server_error")));
        assertEquals(1L, value("diffyne.handshakes.refused", Map.of("reason", "credential")));
        assertEquals(2L, value("diffyne.component.actions", Map.of("component", "counter")));
        assertTrue(value("diffyne.component.latency.p99", Map.of("component", "counter")).longValue() > 2_500);
        assertTrue(value("diffyne.heap.used", Map.of()).longValue() > 0);
    }
}
