package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;
import io.diffyne.transport.websocket.DemoPage;
import io.diffyne.transport.websocket.TestSocket;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a host application keeps when it adds the framework jar, black box over HTTP, WebSocket and a browser, against
 * the guest application ({@code src/test/guest}: its own {@code @ApplicationPath("api")} application with an empty
 * class list, its own exception mapper, component and page) at {@link #guestBase()}. A test class implements this for
 * one server.
 */
@Timeout(60)
interface GuestChecks {

    Duration WAIT = Duration.ofSeconds(15);
    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The guest's root on loopback, ending in '/': {@code http://127.0.0.1:<port>/guest/}. */
    URI guestBase();

    private HttpResponse<String> send(String relative, String method, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(guestBase().resolve(relative)).timeout(WAIT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean isDiffyneJson(HttpResponse<String> response) {
        return response.body().contains("\"s\":false") || response.body().contains("\"type\":\"");
    }

    @Test
    default void theApplicationsResourceAnswersUnderApiOnlyAndDiffynesOnlyUnderDiffyne() throws Exception {
        HttpResponse<String> own = send("api/orders", "GET");
        assertEquals(200, own.statusCode(), own.body());
        assertTrue(own.body().startsWith("orders: "), own.body());
        assertEquals(404, send("_diffyne/orders", "GET").statusCode(), "the application's resource under /_diffyne");
        // The host's runtime includes Diffyne's resource classes (Jakarta REST 3.1, 2.3.2); no method of theirs runs
        // there: one they have answers 404 (DiffyneEndpoint), one they lack 405 from the host's runtime itself
        StringBuilder seen = new StringBuilder();
        for (String diffynes : List.of("health", "token", "update", "lazy", "events", "upload", "preview")) {
            for (String method : List.of("GET", "POST")) {
                HttpResponse<String> response = send("api/" + diffynes, method);
                String what = method + " api/" + diffynes + ": " + response.body();
                assertTrue(response.statusCode() == 404 || response.statusCode() == 405, response.statusCode() + " " + what);
                assertFalse(isDiffyneJson(response), what);
                seen.append(' ').append(method).append(" api/").append(diffynes).append('=').append(response.statusCode());
            }
        }
        System.out.println(getClass().getSimpleName() + ": Diffyne's paths under the host's /api:" + seen);
        assertEquals(404, send("api/health", "GET").statusCode(), "Diffyne's health resource under /api");
        HttpResponse<String> health = send("_diffyne/health", "GET");
        assertEquals(200, health.statusCode(), "Diffyne's own endpoints still answer: " + health.body());
    }

    /**
     * Diffyne's origin guard (and CORS) acts on its own endpoints, not on the application's: on the default
     * {@code DIFFYNE_WS_CORS_ORIGINS=*} it marks its own answers to a foreign origin with CORS headers, never the
     * application's.
     */
    @Test
    default void aCrossOriginPostGetsTheApplicationsOwnAnswer() throws Exception {
        HttpResponse<String> post = send("api/orders", "POST", "Origin", "https://foreign.example");
        assertEquals(201, post.statusCode(), post.body());
        assertTrue(post.body().startsWith("created order "), post.body());
        assertTrue(post.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), post.headers().toString());
        HttpResponse<String> preflight = send("api/orders", "OPTIONS", "Origin", "https://foreign.example",
                "Access-Control-Request-Method", "POST");
        assertFalse(preflight.statusCode() == 403 || isDiffyneJson(preflight), preflight.statusCode() + " "
                + preflight.body());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").isEmpty(),
                preflight.headers().toString());

        HttpResponse<String> diffynes = send("_diffyne/health", "GET", "Origin", "https://foreign.example");
        assertEquals(200, diffynes.statusCode(), diffynes.body());
        assertEquals("*", diffynes.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                "Diffyne's CORS on its own endpoint: " + diffynes.headers());
    }

    /**
     * 1,000 requests from one client within seconds all get the application's answer (Diffyne's default limit, 600 a
     * minute with a burst of 120, would refuse the 121st); the same client on Diffyne's endpoint is limited.
     */
    @Test
    default void aThousandRequestsAMinuteGetTheApplicationsAnswers() throws Exception {
        String client = "198.51.100." + (1 + (int) (Math.random() * 200));
        for (int i = 0; i < 1_000; i++) {
            HttpResponse<String> response = send("api/orders", "GET", "X-Forwarded-For", client);
            assertEquals(200, response.statusCode(), "request " + (i + 1) + ": " + response.body());
        }
        int status = 200;
        for (int i = 0; i < 1_000 && status == 200; i++) {
            status = send("_diffyne/health", "GET", "X-Forwarded-For", client).statusCode();
        }
        assertEquals(429, status, "Diffyne's own endpoint limits the same client");
    }

    @Test
    default void theApplicationsExceptionsAreItsOwnNotDiffynesJson() throws Exception {
        HttpResponse<String> mapped = send("api/orders/42", "GET");
        assertEquals(404, mapped.statusCode(), mapped.body());
        assertEquals("no such order: 42", mapped.body(), "the application's own mapper");
        HttpResponse<String> unmapped = send("api/orders/boom", "GET");
        assertEquals(500, unmapped.statusCode(), unmapped.body());
        assertFalse(isDiffyneJson(unmapped), unmapped.body());
        assertFalse(unmapped.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                unmapped.headers().toString());
    }

    @Test
    default void theClientIsServedFromTheJar() throws Exception {
        HttpResponse<String> script = send("diffyne/diffyne.js", "GET");
        assertEquals(200, script.statusCode());
        assertTrue(script.body().startsWith("/* Diffyne client"), script.body().substring(0, 80));
        assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"),
                script.headers().toString());
    }

    @Test
    default void theApplicationsComponentAnswersOverWebSocketAndAjax() throws Exception {
        DemoPage page = DemoPage.get(guestBase(), "shop");
        try (TestSocket socket = TestSocket.connectAsPage(guestBase(), TestSocket.pageToken(guestBase()))) {
            socket.send("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"guest-ws\","
                    + "\"snapshot\":" + page.snapshot("cart") + ",\"method\":\"add\"}}");
            String response = socket.nextEvent("diffyne.response", WAIT);
            assertTrue(response.contains("\"s\":true") && response.contains("\"sd\":[[\"p\",\"/items\",1]]"), response);
        }
        AjaxTestClient ajax = new AjaxTestClient(guestBase());
        JsonObject snapshot = ajax.snapshotFromPage("shop", "cart");
        HttpResponse<String> response = ajax.postJson("update", AjaxTestClient.call(snapshot, "add", "guest-ajax"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1, AjaxTestClient.next(snapshot, AjaxTestClient.object(response)).getJsonObject("state")
                .getInt("items"), response.body());
    }

    /** src/test/e2e/guest in Chromium through scripts/e2e.mjs: a click over WebSocket, then over AJAX. */
    @Test
    @Timeout(120)
    default void aBrowserClicksOverWebSocketAndOverAjax() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("diffyne.skipE2E"), "browser tests skipped (-DskipE2E)");
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path log = Path.of(System.getProperty("diffyne.it.logs", "target/it-logs")).resolve("guest-e2e-"
                + getClass().getSimpleName() + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of("node", "scripts/e2e.mjs", "--out",
                root.resolve("target/e2e-guest").toString(), "src/test/e2e/guest/guest.test.mjs"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        String base = guestBase().toString();
        builder.environment().put("E2E_BASE_URL", base.substring(0, base.length() - 1));
        Process node = builder.start();
        try {
            assertTrue(node.waitFor(100, TimeUnit.SECONDS), "the browser tests did not end within 100 s:\n"
                    + Files.readString(log));
            assertEquals(0, node.exitValue(), Files.readString(log));
        } finally {
            node.destroy();
        }
    }
}
