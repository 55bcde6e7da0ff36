package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;

import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operations dashboard against the real WAR with {@code DIFFYNE_DASHBOARD=true} and a key: refused with 403 and a
 * JSON error to an anonymous caller and to a wrong key, open with the key (header, or {@code ?key=} exchanged for a
 * cookie), its components rendered, and the JSON snapshot counting the clicks this test makes. On a Payara Micro of its
 * own: the setting is read at deployment, and the shared server keeps the dashboard off (DashboardOffIT). It asserts
 * only growth, never absolute counts, so other traffic cannot break it.
 */
@Timeout(240)
class DashboardIT {

    static final String KEY = "dashboard-it-key-" + UUID.randomUUID();
    private static final String FORBIDDEN = "Not allowed: log in as a user in DIFFYNE_DASHBOARD_ROLE, or send"
            + " DIFFYNE_DASHBOARD_KEY in the X-Diffyne-Dashboard-Key header (or open the dashboard once with ?key=…)";

    @RegisterExtension
    static final OwnPayara PAYARA = new OwnPayara("dashboard",
            List.of("-DDIFFYNE_DASHBOARD=true", "-DDIFFYNE_DASHBOARD_KEY=" + KEY));

    private final URI base = PAYARA.base();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AjaxTestClient client = new AjaxTestClient(base);

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject snapshot() throws Exception {
        HttpResponse<String> response = get("_diffyne/metrics", "X-Diffyne-Dashboard-Key", KEY);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        return (JsonObject) AjaxTestClient.parse(response.body());
    }

    @Test
    void anonymousCallersAndWrongKeysAreRefusedWith403AndAJsonError() throws Exception {
        for (String path : List.of("_diffyne/metrics", "_diffyne/dashboard", "_diffyne/dashboard?key=wrong")) {
            for (String[] headers : List.of(new String[0], new String[] {"X-Diffyne-Dashboard-Key", "wrong"},
                    new String[] {"Cookie", "diffyne-dashboard=99999999999999.forged"})) {
                HttpResponse<String> response = get(path, headers);
                assertEquals(403, response.statusCode(), path + " " + response.body());
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
                JsonObject body = (JsonObject) AjaxTestClient.parse(response.body());
                assertFalse(body.getBoolean("s"));
                assertEquals("security_error", body.getString("type"));
                assertEquals(FORBIDDEN, body.getString("error"));
            }
        }
    }

    @Test
    void theKeyInTheQueryIsExchangedForACookieThatOpensThePage() throws Exception {
        HttpResponse<String> exchange = get("_diffyne/dashboard?key=" + KEY);
        assertEquals(303, exchange.statusCode(), exchange.body());
        assertTrue(exchange.headers().firstValue("Location").orElse("").endsWith("/_diffyne/dashboard"));
        String setCookie = exchange.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("diffyne-dashboard="), setCookie);
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
        assertFalse(setCookie.contains(KEY), "the cookie holds a token, never the key");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> page = get("_diffyne/dashboard", "Cookie", cookie);
        assertEquals(200, page.statusCode(), page.body());
        Document html = Jsoup.parse(page.body());
        assertEquals("Diffyne operations", html.title());
        for (String name : List.of("diffyne-ops/instances", "diffyne-ops/figures", "diffyne-ops/components")) {
            assertEquals(1, html.getElementsByAttributeValue("diff:component", name).size(), name + " in " + page.body());
        }
        assertEquals("UP", html.selectFirst("#ops-status").text());
        assertNotNull(html.selectFirst("[data-figure=actions] svg path"));
        assertNotNull(html.getElementById("diffyne-config"), "the client bootstrap");
        assertEquals(200, get("_diffyne/metrics", "Cookie", cookie).statusCode());
    }

    @Test
    void theSnapshotCountsTheClicksOfThisTest() throws Exception {
        JsonObject before = snapshot();
        long actionsBefore = before.getJsonObject("actions").getJsonNumber("total").longValue();
        long counterBefore = counterActions(before);

        JsonObject counter = client.snapshotFromPage("", "counter");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = client.postJson("update",
                    AjaxTestClient.call(counter, "increment", "dash-" + UUID.randomUUID()));
            assertEquals(200, response.statusCode(), response.body());
            counter = AjaxTestClient.next(counter, AjaxTestClient.object(response));
        }

        JsonObject after = snapshot();
        assertTrue(after.getJsonObject("actions").getJsonNumber("total").longValue() >= actionsBefore + 5,
                after.toString());
        assertTrue(counterActions(after) >= counterBefore + 5, after.toString());
        JsonObject row = after.getJsonArray("components").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("component").equals("counter")).findFirst().orElseThrow();
        assertTrue(row.getJsonNumber("p99Micros").longValue() > 0, row.toString());
        assertTrue(after.getJsonObject("now").getJsonNumber("heapUsedBytes").longValue() > 0);
        assertTrue(after.getJsonObject("now").getJsonNumber("ajaxClients").longValue() >= 1, after.toString());
        assertEquals(List.of("connections", "credential", "origin", "rate"),
                after.getJsonObject("handshakesRefused").keySet().stream().sorted().toList());
    }

    @Test
    void payarasMicroProfileMetricsCarryTheFigures() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/metrics?scope=application"))
                .header("Accept", "text/plain").timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        for (String name : List.of("diffyne_actions{", "diffyne_action_latency_p99",
                "diffyne_connections{", "diffyne_handshakes_refused{", "diffyne_component_actions{")) {
            assertTrue(response.body().contains(name), name + " in " + response.body());
        }
        assertTrue(response.body().contains("component=\"counter\""), response.body());
        assertTrue(response.body().contains("transport=\"websocket\""), response.body());
    }

    private static long counterActions(JsonObject snapshot) {
        return snapshot.getJsonArray("components").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("component").equals("counter"))
                .mapToLong(c -> c.getJsonNumber("actions").longValue()).sum();
    }
}
