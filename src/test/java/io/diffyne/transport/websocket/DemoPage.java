package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** A demo page fetched as a browser would, to take a mounted component's signed snapshot from its markup. */
public final class DemoPage {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Document document;

    private DemoPage(String html) {
        this.document = Jsoup.parse(html);
    }

    /** GETs {@code relative} (e.g. {@code ""} for the index, {@code "chat?room=it-a"}) under {@code httpBase}. */
    public static DemoPage get(URI httpBase, String relative) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(httpBase.resolve(relative))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), "GET " + relative + ": " + response.body());
            return new DemoPage(response.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("GET " + relative + " failed", e);
        }
    }

    /** The {@code diff:snapshot} JSON of the one mounted {@code component} on the page. */
    public String snapshot(String component) {
        return root(component).attr("diff:snapshot");
    }

    /** The {@code diff:id} of the one mounted {@code component}. */
    public String id(String component) {
        return root(component).attr("diff:id");
    }

    private Element root(String component) {
        Elements roots = document.getElementsByAttributeValue("diff:component", component);
        if (roots.size() != 1) {
            fail("expected one mounted '" + component + "', found " + roots.size());
        }
        return roots.get(0);
    }
}
