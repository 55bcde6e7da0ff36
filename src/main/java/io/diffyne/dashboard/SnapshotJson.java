package io.diffyne.dashboard;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.metrics.ComponentSnapshot;
import io.diffyne.metrics.MetricsSnapshot;
import io.diffyne.metrics.Sample;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.Map;

/**
 * {@code GET <ctx>/_diffyne/metrics}'s body: the recorder's snapshot of this instance. Latencies in microseconds,
 * rates per second, history oldest first, one entry per 10 seconds:
 * <pre>{@code
 * {"instance":"127.0.0.1:5701","at":1764612000000,"since":1764611000000,
 *  "actions":{"total":120,"p50Micros":180,"p99Micros":2400,"errors":{"validation_error":2},"rateLimited":0},
 *  "handshakesRefused":{"origin":1,"credential":0,"rate":0,"connections":0},
 *  "broadcasts":{"total":4,"fanOutP50Micros":40,"fanOutP99Micros":90,"replays":0,"slowConsumersClosed":0},
 *  "now":{"webSocket":2,"sse":0,"ajaxClients":1,"liveComponents":5,"heapUsedBytes":81234567,"actionsPerSecond":1.2,…},
 *  "components":[{"component":"counter","actions":100,"errors":0,"p50Micros":150,"p99Micros":900,…}],
 *  "history":[{"at":…,"actionsPerSecond":1.2,…}],
 *  "instances":[{"self":true,"heardMillisAgo":0,"instance":"node-1:4711/diffyne","up":true,"actions":120,…},
 *               {"self":false,"heardMillisAgo":2300,"instance":"node-2:4712/diffyne",…}]}
 * }</pre>
 * {@code instances} lists this instance first, then every other one heard from over the bus in the last 20 seconds
 * ({@link InstanceFigures} has the keys).
 */
final class SnapshotJson {

    private SnapshotJson() {
    }

    static JsonObject of(MetricsSnapshot s, String instance, List<InstanceBoard.Listed> live) {
        JsonArrayBuilder instances = JSON.createArrayBuilder();
        for (InstanceBoard.Listed l : live) {
            instances.add(JSON.createObjectBuilder().add("self", l.self()).add("heardMillisAgo", l.ageMillis())
                    .addAll(JSON.createObjectBuilder(l.figures().toJson())));
        }
        return JSON.createObjectBuilder(of(s, instance)).add("instances", instances).build();
    }

    static JsonObject of(MetricsSnapshot s, String instance) {
        JsonArrayBuilder components = JSON.createArrayBuilder();
        for (ComponentSnapshot c : s.components()) {
            components.add(JSON.createObjectBuilder().add("component", c.component()).add("actions", c.actions())
                    .add("errors", c.errors()).add("p50Micros", c.p50Micros()).add("p99Micros", c.p99Micros())
                    .add("recentActions", c.recentActions()).add("recentP50Micros", c.recentP50Micros())
                    .add("recentP99Micros", c.recentP99Micros()));
        }
        JsonArrayBuilder history = JSON.createArrayBuilder();
        s.history().forEach(h -> history.add(sample(h)));
        return JSON.createObjectBuilder()
                .add("instance", instance)
                .add("at", s.atMillis())
                .add("since", s.sinceMillis())
                .add("actions", JSON.createObjectBuilder().add("total", s.actions())
                        .add("p50Micros", s.actionP50Micros()).add("p99Micros", s.actionP99Micros())
                        .add("errors", counts(s.errors())).add("rateLimited", s.rateLimited()))
                .add("handshakesRefused", counts(s.handshakesRefused()))
                .add("broadcasts", JSON.createObjectBuilder().add("total", s.broadcasts())
                        .add("fanOutP50Micros", s.fanOutP50Micros()).add("fanOutP99Micros", s.fanOutP99Micros())
                        .add("replays", s.replays()).add("slowConsumersClosed", s.slowConsumers()))
                .add("now", sample(s.now()))
                .add("components", components)
                .add("history", history)
                .build();
    }

    private static JsonObjectBuilder counts(Map<String, Long> counts) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        counts.forEach(b::add);
        return b;
    }

    private static JsonObjectBuilder sample(Sample h) {
        return JSON.createObjectBuilder().add("at", h.atMillis()).add("actionsPerSecond", h.actionsPerSecond())
                .add("actionP50Micros", h.actionP50Micros()).add("actionP99Micros", h.actionP99Micros())
                .add("errors", h.errors()).add("rateLimited", h.rateLimited())
                .add("handshakesRefused", h.handshakesRefused()).add("broadcastsPerSecond", h.broadcastsPerSecond())
                .add("fanOutP99Micros", h.fanOutP99Micros()).add("replays", h.replays())
                .add("slowConsumersClosed", h.slowConsumers()).add("webSocket", h.webSocket()).add("sse", h.sse())
                .add("ajaxClients", h.ajaxClients()).add("liveComponents", h.liveComponents())
                .add("heapUsedBytes", h.heapUsedBytes());
    }
}
