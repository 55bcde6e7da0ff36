package io.diffyne.health;

import static io.diffyne.state.JsonProviders.JSON;

import jakarta.json.JsonObject;

import java.util.List;

/**
 * One health answer, serialized in the MicroProfile Health shape with a single check named {@code diffyne}:
 * <pre>{@code
 * {"status":"UP","checks":[{"name":"diffyne","status":"UP","data":{"version":"0.1.0","transport":"websocket",
 *  "websocketPath":"/app/diffyne","openConnections":0,"uptimeSeconds":42,"bus":"embedded-hazelcast","busUp":true,
 *  "clusterMembers":["10.0.0.1:5701","10.0.0.2:5701"]}}]}
 * }</pre>
 * An instance whose grid is gone (its Hazelcast instance stopped) is DOWN with {@code "busUp":false}: its broadcasts
 * would reach no other instance and its replays and answers would be its own, so a load balancer should stop sending
 * it clients until it is restarted.
 *
 * @param up              whether the application is ready
 * @param version         the build's version
 * @param transport       the configured page transport ({@code websocket} or {@code ajax})
 * @param websocketPath   the WebSocket URL path including the context root
 * @param openConnections open WebSocket connections on this instance
 * @param uptimeSeconds   seconds since the application became ready
 * @param bus             the broadcast bus in use: {@code local}, {@code payara-hazelcast} or {@code embedded-hazelcast}
 * @param busUp           whether the bus's grid is reachable (always true for {@code local})
 * @param clusterMembers  the {@code host:port} of every grid member this instance sees, itself included
 */
public record HealthReport(boolean ready, String version, String transport, String websocketPath, int openConnections,
                           long uptimeSeconds, String bus, boolean busUp, List<String> clusterMembers) {

    public static final String CHECK_NAME = "diffyne";

    public HealthReport {
        clusterMembers = List.copyOf(clusterMembers);
    }

    /** A single instance's report: the local bus. */
    public HealthReport(boolean ready, String version, String transport, String websocketPath, int openConnections,
                        long uptimeSeconds) {
        this(ready, version, transport, websocketPath, openConnections, uptimeSeconds, "local", true, List.of());
    }

    /** Ready, and the bus's grid (if any) reachable. */
    public boolean up() {
        return ready && busUp;
    }

    public String status() {
        return up() ? "UP" : "DOWN";
    }

    /** 200 when up, 503 otherwise, so a load balancer needs no JSON parsing. */
    public int httpStatus() {
        return up() ? 200 : 503;
    }

    public JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("status", status())
                .add("checks", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("name", CHECK_NAME)
                        .add("status", status())
                        .add("data", JSON.createObjectBuilder()
                                .add("version", version)
                                .add("transport", transport)
                                .add("websocketPath", websocketPath)
                                .add("openConnections", openConnections)
                                .add("uptimeSeconds", uptimeSeconds)
                                .add("bus", bus)
                                .add("busUp", busUp)
                                .add("clusterMembers", JSON.createArrayBuilder(clusterMembers)))))
                .build();
    }
}
