package io.diffyne.dashboard;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.health.HealthReport;
import io.diffyne.metrics.MetricsSnapshot;
import io.diffyne.metrics.Sample;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Optional;

/**
 * One instance's headline figures as it publishes them to the others over the bus every few seconds (and as the
 * dashboard and the JSON list every live instance): health, connections per transport, the last 10-second interval's
 * rates and latencies, totals, heap. Fixed fields, names cut to {@link #MAX_NAME} characters: a message is well under
 * 1 KB. On the bus and in {@code <ctx>/_diffyne/metrics}'s {@code instances}:
 * <pre>{@code
 * {"format":1,"instance":"node-1:4711/diffyne","at":1764612000000,"up":true,"version":"0.1.0","uptimeSeconds":300,
 *  "actions":120,"errors":2,"broadcasts":4,"actionsPerSecond":1.2,"p50Micros":180,"p99Micros":2400,
 *  "broadcastsPerSecond":0.1,"webSocket":2,"sse":0,"ajaxClients":1,"liveComponents":5,"heapUsedBytes":81234567}
 * }</pre>
 */
record InstanceFigures(String instance, long atMillis, boolean up, String version, long uptimeSeconds, long actions,
                       long errors, long broadcasts, double actionsPerSecond, long actionP50Micros,
                       long actionP99Micros, double broadcastsPerSecond, long webSocket, long sse, long ajaxClients,
                       long liveComponents, long heapUsedBytes) {

    static final int MAX_NAME = 200;
    private static final int FORMAT = 1;

    InstanceFigures {
        instance = cut(instance);
        version = cut(version);
    }

    static InstanceFigures of(String instance, HealthReport health, MetricsSnapshot s) {
        Sample now = s.now();
        return new InstanceFigures(instance, s.atMillis(), health.up(), health.version(), health.uptimeSeconds(),
                s.actions(), s.errorTotal(), s.broadcasts(), now.actionsPerSecond(), now.actionP50Micros(),
                now.actionP99Micros(), now.broadcastsPerSecond(), now.webSocket(), now.sse(), now.ajaxClients(),
                now.liveComponents(), now.heapUsedBytes());
    }

    JsonObject toJson() {
        return JSON.createObjectBuilder().add("format", FORMAT).add("instance", instance).add("at", atMillis)
                .add("up", up).add("version", version).add("uptimeSeconds", uptimeSeconds).add("actions", actions)
                .add("errors", errors).add("broadcasts", broadcasts).add("actionsPerSecond", actionsPerSecond)
                .add("p50Micros", actionP50Micros).add("p99Micros", actionP99Micros)
                .add("broadcastsPerSecond", broadcastsPerSecond).add("webSocket", webSocket).add("sse", sse)
                .add("ajaxClients", ajaxClients).add("liveComponents", liveComponents)
                .add("heapUsedBytes", heapUsedBytes).build();
    }

    /** The figures in {@code value}, or empty for anything else (another version, a field missing or mistyped). */
    static Optional<InstanceFigures> parse(JsonValue value) {
        if (!(value instanceof JsonObject json) || !(json.get("instance") instanceof JsonString name)
                || name.getString().isBlank() || !(json.get("version") instanceof JsonString version)
                || !(json.get("up") == JsonValue.TRUE || json.get("up") == JsonValue.FALSE)) {
            return Optional.empty();
        }
        try {
            if (number(json, "format") != FORMAT) {
                return Optional.empty();
            }
            return Optional.of(new InstanceFigures(name.getString(), number(json, "at"), json.getBoolean("up"),
                    version.getString(), number(json, "uptimeSeconds"), number(json, "actions"),
                    number(json, "errors"), number(json, "broadcasts"), decimal(json, "actionsPerSecond"),
                    number(json, "p50Micros"), number(json, "p99Micros"), decimal(json, "broadcastsPerSecond"),
                    number(json, "webSocket"), number(json, "sse"), number(json, "ajaxClients"),
                    number(json, "liveComponents"), number(json, "heapUsedBytes")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static long number(JsonObject json, String key) {
        if (!(json.get(key) instanceof JsonNumber n) || !n.isIntegral()) {
            throw new IllegalArgumentException(key);
        }
        return n.longValue();
    }

    private static double decimal(JsonObject json, String key) {
        if (!(json.get(key) instanceof JsonNumber n)) {
            throw new IllegalArgumentException(key);
        }
        return n.doubleValue();
    }

    private static String cut(String text) {
        return text.length() > MAX_NAME ? text.substring(0, MAX_NAME) : text;
    }
}
