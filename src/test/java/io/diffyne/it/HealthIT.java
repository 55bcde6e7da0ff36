package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.websocket.TestSocket;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthIT extends AbstractDiffyneIT {

    /**
     * The expected body says {@code "openConnections":0}: a class before this one may have closed its last socket
     * just now, and the server counts it until the container reports the close to the endpoint, which may come a
     * moment after the close handshake the client waited for (CI drew 1 once).
     */
    @BeforeEach
    void noConnectionLeftOpen() {
        assertEquals(0, TestSocket.awaitOpenConnections(loopbackBase(), 0, Duration.ofSeconds(20)),
                "WebSocket connections still open on the shared server");
    }

    @Test
    void healthAtTheContextRootAnswersUp() throws Exception {
        assertHealthy(get("health"));
    }

    @Test
    void healthUnderTheRestApplicationAnswersTheSame() throws Exception {
        assertHealthy(get("_diffyne/health"));
    }

    @Test
    void uptimeDoesNotGoBackwards() throws Exception {
        long first = data(get("health")).getJsonNumber("uptimeSeconds").longValueExact();
        long second = data(get("_diffyne/health")).getJsonNumber("uptimeSeconds").longValueExact();
        assertTrue(second >= first, first + " then " + second);
    }

    private void assertHealthy(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().map().toString());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));

        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        long uptime = data(response).getJsonNumber("uptimeSeconds").longValueExact();
        assertTrue(uptime >= 0 && uptime < 3600, "uptime " + uptime);
        String expected = "{\"status\":\"UP\",\"checks\":[{\"name\":\"diffyne\",\"status\":\"UP\",\"data\":{"
                + "\"version\":\"" + System.getProperty("diffyne.version") + "\",\"transport\":\"websocket\","
                + "\"websocketPath\":\"" + contextPath() + "/diffyne\",\"openConnections\":0,"
                + "\"uptimeSeconds\":" + uptime + ",\"bus\":\"local\",\"busUp\":true,\"clusterMembers\":[]}}]}";
        assertEquals(expected, body.toString());
        assertEquals("/diffyne", contextPath(), "the IT deploys diffyne.war, so it runs under /diffyne, not the root");
    }

    private static JsonObject data(HttpResponse<String> response) {
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        return body.getJsonArray("checks").getJsonObject(0).getJsonObject("data");
    }
}
