package io.diffyne.dashboard;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One figure as a server's metrics registry publishes it: a gauge read on every scrape.
 *
 * @param name        the registry's name, e.g. {@code diffyne.actions}
 * @param description what it counts
 * @param unit        {@code none}, {@code microseconds}, {@code bytes} or {@code per_second}
 * @param tags        e.g. {@code type=validation_error}; empty for an untagged figure
 * @param cumulative  a total since start that only grows (a counter where the registry has function counters:
 *                    Micrometer), rather than a value that goes up and down
 * @param value       read at scrape time (from a snapshot at most one second old)
 */
public record PlatformFigure(String name, String description, String unit, Map<String, String> tags,
                             boolean cumulative, Supplier<Number> value) {

    public PlatformFigure {
        tags = Map.copyOf(tags);
    }
}
