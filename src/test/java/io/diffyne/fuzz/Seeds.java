package io.diffyne.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Valid material taken from the demo pages as a browser gets it: every mounted component's signed snapshot, the
 * lazy tickets, the listened events and broadcast channels, and the channels' grants as the event stream takes them
 * ({@code <channel>~<grant>}). The fuzzer's generators start from these.
 */
record Seeds(List<String> snapshots, List<String> lazyTickets, List<String> events, List<String> channels,
             List<String> grants) {

    private static final List<String> PAGES = List.of("", "chat?room=fuzz");

    static Seeds fetch(HttpClient http, URI base) throws IOException, InterruptedException {
        List<String> snapshots = new ArrayList<>();
        List<String> tickets = new ArrayList<>();
        Set<String> events = new LinkedHashSet<>();
        Set<String> channels = new LinkedHashSet<>();
        Set<String> grants = new LinkedHashSet<>();
        for (String page : PAGES) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(page))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + page + " answered " + response.statusCode());
            }
            for (Element element : Jsoup.parse(response.body()).getAllElements()) {
                if (element.hasAttr("diff:snapshot")) {
                    snapshots.add(element.attr("diff:snapshot"));
                }
                if (element.hasAttr("diff:lazy")) {
                    tickets.add(element.attr("diff:lazy"));
                }
                strings(element.attr("diff:listeners"), events);
                strings(element.attr("diff:channels"), channels);
                if (!element.attr("diff:grants").isEmpty()
                        && FuzzJson.parse(element.attr("diff:grants")) instanceof Map<?, ?> granted) {
                    granted.forEach((channel, grant) -> grants.add(channel + "~" + grant));
                }
            }
        }
        if (snapshots.isEmpty()) {
            throw new IOException("no mounted component on the demo pages");
        }
        if (grants.isEmpty()) {
            throw new IOException("no channel grant on the demo pages (diff:grants)");
        }
        return new Seeds(snapshots, tickets, new ArrayList<>(events), new ArrayList<>(channels), new ArrayList<>(grants));
    }

    /** Components of the demo pages with an upload property (their name, then the property). */
    static final java.util.Map<String, String> UPLOADERS = java.util.Map.of("profile-photo", "photo");

    /** The snapshots of components that take uploads: what a browser sends with an upload. */
    List<String> uploadSnapshots() {
        return snapshots.stream().filter(s -> FuzzJson.parse(s) instanceof java.util.Map<?, ?> m
                && UPLOADERS.containsKey(String.valueOf(m.get("component")))).toList();
    }

    private static void strings(String jsonArray, Set<String> into) {
        if (!jsonArray.isEmpty() && FuzzJson.parse(jsonArray) instanceof List<?> list) {
            list.forEach(v -> into.add(String.valueOf(v)));
        }
    }
}
