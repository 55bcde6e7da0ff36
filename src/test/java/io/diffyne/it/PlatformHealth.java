package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a MicroProfile Health answer ({@code {"status":…,"checks":[{"name":…,"status":…,"data":{…}}]}}) the way a
 * platform writes it: Payara writes every data value as a string, SmallRye (WildFly) numbers as numbers.
 */
final class PlatformHealth {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final JsonObject body;
    private final String text;

    private PlatformHealth(String text) {
        this.text = text;
        this.body = (JsonObject) AjaxTestClient.parse(text);
    }

    /** GET {@code uri}, which must answer 200 with JSON. */
    static PlatformHealth get(URI uri) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri).timeout(WAIT).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                uri + ": " + response.headers().map());
        return new PlatformHealth(response.body());
    }

    String status() {
        return body.getString("status");
    }

    /** The checks by name. */
    Map<String, JsonObject> checks() {
        return body.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c));
    }

    /** One data value of the named check as text, whichever JSON type the platform chose. */
    String data(String check, String key) {
        JsonObject found = checks().get(check);
        assertNotNull(found, "no check " + check + " in " + text);
        JsonValue value = found.getJsonObject("data").get(key);
        assertNotNull(value, "no " + key + " in " + check + ": " + text);
        return value instanceof JsonString s ? s.getString() : value instanceof JsonNumber n ? n.toString()
                : value.toString();
    }

    /**
     * The platform's readiness answer lists Diffyne's check, UP with its data for an application under
     * {@code contextPath} ("" at the root), and the demo's own check next to it, UP with the storage it uses.
     */
    void assertListsDiffyneAndTheDemo(String contextPath, String storage) {
        assertEquals("UP", status(), text);
        assertEquals("UP", checks().get("diffyne").getString("status"), text);
        assertEquals("websocket", data("diffyne", "transport"), text);
        assertEquals(contextPath + "/diffyne", data("diffyne", "websocketPath"), text);
        assertEquals(System.getProperty("diffyne.version"), data("diffyne", "version"), text);
        assertTrue(Integer.parseInt(data("diffyne", "openConnections")) >= 0, text);
        assertTrue(Long.parseLong(data("diffyne", "uptimeSeconds")) >= 0, text);
        assertEquals("UP", checks().get("demo-chat-storage").getString("status"), text);
        assertEquals(storage, data("demo-chat-storage", "storage"), text);
    }

    @Override
    public String toString() {
        return text;
    }
}
