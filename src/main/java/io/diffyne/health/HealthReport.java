package io.diffyne.health;

import static io.diffyne.state.JsonProviders.JSON;

import jakarta.json.JsonObject;

/**
 * One health answer, serialized in the MicroProfile Health shape with a single check named {@code diffyne}:
 * <pre>{@code
 * {"status":"UP","checks":[{"name":"diffyne","status":"UP","data":{"version":"0.1.0","transport":"websocket",
 *  "websocketPath":"/app/diffyne","openConnections":0,"uptimeSeconds":42}}]}
 * }</pre>
 *
 * @param up              whether the application is ready
 * @param version         the build's version
 * @param transport       the configured page transport ({@code websocket} or {@code ajax})
 * @param websocketPath   the WebSocket URL path including the context root
 * @param openConnections open WebSocket connections on this instance
 * @param uptimeSeconds   seconds since the application became ready
 */
public record HealthReport(boolean up, String version, String transport, String websocketPath, int openConnections,
                           long uptimeSeconds) {

    public static final String CHECK_NAME = "diffyne";

    public String status() {
        return up ? "UP" : "DOWN";
    }

    /** 200 when up, 503 otherwise, so a load balancer needs no JSON parsing. */
    public int httpStatus() {
        return up ? 200 : 503;
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
                                .add("uptimeSeconds", uptimeSeconds))))
                .build();
    }
}
