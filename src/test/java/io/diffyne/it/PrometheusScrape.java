package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a Prometheus text endpoint, and the samples of it a test asks for. */
record PrometheusScrape(String text) {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})? (\\S+)$");

    static PrometheusScrape of(URI endpoint) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), endpoint + ": " + response.body());
        return new PrometheusScrape(response.body());
    }

    /** The names of the samples whose name starts with {@code prefix}, each once, in order. */
    List<String> names(String prefix) {
        return SAMPLE.matcher(text).results().map(r -> r.group(1)).filter(n -> n.startsWith(prefix)).distinct()
                .toList();
    }

    /** The value of the first sample named {@code name} whose labels contain every one of {@code labels}. */
    OptionalDouble value(String name, String... labels) {
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            String found = m.group(3) == null ? "" : m.group(3);
            if (m.group(1).equals(name) && List.of(labels).stream().allMatch(found::contains)) {
                return OptionalDouble.of(Double.parseDouble(m.group(4)));
            }
        }
        return OptionalDouble.empty();
    }
}
