package io.diffyne.transport.http;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonPatchBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * What an AJAX-mode browser does, for integration tests against the real WAR: read a component's signed snapshot from
 * a page, post actions to {@code /_diffyne/update}, and carry the state forward by applying each response's state
 * delta ({@code c.sd}) and taking its version and signature, exactly as the JavaScript client does.
 */
public final class AjaxTestClient {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** {@code base}: the application's root URL, ending in '/'. */
    public AjaxTestClient(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public HttpClient http() {
        return http;
    }

    /** GETs a page and returns the snapshot of the first component named {@code component} on it. */
    public JsonObject snapshotFromPage(String page, String component) throws IOException, InterruptedException {
        return (JsonObject) parse(componentOnPage(page, component).attr("diff:snapshot"));
    }

    /** GETs a page and returns the root element of the first mounted component named {@code component}. */
    public Element componentOnPage(String page, String component) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(page)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + page + " answered " + response.statusCode() + ": " + response.body());
        }
        for (Element element : Jsoup.parse(response.body()).getAllElements()) {
            if (component.equals(element.attr("diff:component")) && element.hasAttr("diff:snapshot")) {
                return element;
            }
        }
        throw new AssertionError("No component '" + component + "' on " + page);
    }

    /** A {@code call} action body. */
    public static String call(JsonObject snapshot, String method, String requestId) {
        return Json.createObjectBuilder().add("type", "call").add("requestId", requestId).add("snapshot", snapshot)
                .add("method", method).build().toString();
    }

    /** An {@code update} action body. */
    public static String update(JsonObject snapshot, String property, JsonValue value, String requestId) {
        return Json.createObjectBuilder().add("type", "update").add("requestId", requestId).add("snapshot", snapshot)
                .add("property", property).add("value", value).build().toString();
    }

    /** POSTs to {@code _diffyne/<path>}; {@code headers} are name, value pairs. */
    public HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("_diffyne/" + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String body, String... headers)
            throws IOException, InterruptedException {
        return post(path, "application/json", body, headers);
    }

    /** The snapshot after a successful response: the delta applied to the state, the new version and signature. */
    public static JsonObject next(JsonObject snapshot, JsonObject response) {
        if (!response.getBoolean("s")) {
            throw new AssertionError("Not a success: " + response);
        }
        JsonObject c = response.getJsonObject("c");
        JsonObject state = c.containsKey("st") ? c.getJsonObject("st")
                : applyDelta(snapshot.getJsonObject("state"), c.getJsonArray("sd"));
        return Json.createObjectBuilder(snapshot)
                .add("version", c.getJsonNumber("v"))
                .add("state", state)
                .add("sig", c.getString("sig"))
                .build();
    }

    /** Applies a compact JSON Patch ({@code [["p","/count",3],["a","/items/-",{…}],["r","/x"]]}). */
    public static JsonObject applyDelta(JsonObject state, JsonArray delta) {
        if (delta == null) {
            return state;
        }
        JsonPatchBuilder patch = Json.createPatchBuilder();
        for (JsonValue op : delta) {
            JsonArray o = op.asJsonArray();
            String pointer = o.getString(1);
            switch (o.getString(0)) {
                case "a" -> patch.add(pointer, o.get(2));
                case "r" -> patch.remove(pointer);
                case "p" -> patch.replace(pointer, o.get(2));
                default -> throw new AssertionError("Unknown delta op " + op);
            }
        }
        return patch.build().apply(state);
    }

    public static JsonStructure parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.read();
        }
    }

    public static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) parse(response.body());
    }
}
