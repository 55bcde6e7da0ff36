package io.diffyne.bench.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figure 4: server heap per idle WebSocket connection after full collections ({@code GET /bench/heap}). A Diffyne
 * connection here is a page session whose counter was clicked once over the socket, so the connection holds that
 * live component (state, rendered tree), as it does after any interaction. Pages are fetched before the heap
 * reading that the connections are measured from, so page mounting (the app-wide tree cache) is counted apart.
 * Baseline: the same number of raw echo connections, each having echoed one message of the click's size.
 */
final class Heap {

    private static final int CLIENTS_PER_HTTP = 250;
    private static final int WARM_UP = 300;

    private final Target target;
    private final int[] levels;

    Heap(Target target, int... levels) {
        this.target = target;
        this.levels = levels;
    }

    Map<String, Object> measure() {
        Map<String, Object> out = new LinkedHashMap<>();
        Deadline deadline = Deadline.in(Duration.ofMinutes(3));
        String message = sampleClick();
        List<HttpClient> pool = new ArrayList<>();

        warmUp(message, pool, deadline);
        List<Socket> echoes = new ArrayList<>();
        long echoBase = used();
        Map<String, Object> echo = new LinkedHashMap<>();
        for (int level : levels) {
            while (echoes.size() < level) {
                deadline.check("opening echo connections");
                Socket s = Socket.open(http(pool, echoes.size()), target.echoSocket());
                s.send(message);
                BenchFailure.check(s.next(20_000).text().equals(message), "the echo changed the message");
                echoes.add(s);
            }
            echo.put(String.valueOf(level), perConnection(used() - echoBase, level));
        }
        echoes.forEach(Socket::close);
        sleep(5000);

        List<ComponentClient> sessions = new ArrayList<>();
        Map<String, Object> diffyne = new LinkedHashMap<>();
        Map<String, Object> withPage = new LinkedHashMap<>();
        long beforePages = used();
        long connections = 0;
        for (int level : levels) {
            List<ClientSnapshotPage> pages = new ArrayList<>();
            for (int i = sessions.size(); i < level; i++) {
                deadline.check("fetching pages");
                pages.add(new ClientSnapshotPage(http(pool, i)));
            }
            long afterPages = used();
            for (ClientSnapshotPage page : pages) {
                deadline.check("opening Diffyne connections");
                ComponentClient c = page.connect();
                Counter.click(c);
                sessions.add(c);
            }
            long afterConnections = used();
            connections += afterConnections - afterPages;
            diffyne.put(String.valueOf(level), perConnection(connections, level));
            withPage.put(String.valueOf(level), perConnection(afterConnections - beforePages, level));
        }
        sessions.forEach(ComponentClient::close);

        out.put("echo", echo);
        out.put("diffyne", diffyne);
        out.put("diffyne_incl_page_mount", withPage);
        Map<String, Object> ratio = new LinkedHashMap<>();
        for (int level : levels) {
            ratio.put(String.valueOf(level), Stats.ratio(
                    ((Number) ((Map<?, ?>) diffyne.get(String.valueOf(level))).get("bytes_per_connection")).doubleValue(),
                    ((Number) ((Map<?, ?>) echo.get(String.valueOf(level))).get("bytes_per_connection")).doubleValue()));
        }
        out.put("ratio", ratio);
        return out;
    }

    /** A fetched page not yet connected. */
    private final class ClientSnapshotPage {
        private final HttpClient http;
        private final String html;

        ClientSnapshotPage(HttpClient http) {
            this.http = http;
            this.html = Wire.get(http, target.base() + Counter.PAGE);
        }

        ComponentClient connect() {
            return ComponentClient.connect(target.base(), http, html, target.diffyneSocket());
        }
    }

    /**
     * Opens and closes a few hundred connections of both kinds first, so the container's one-time growth (buffer
     * pools, thread pools, classes) is not charged to whichever kind is measured first.
     */
    private void warmUp(String message, List<HttpClient> pool, Deadline deadline) {
        List<Socket> echoes = new ArrayList<>();
        List<ComponentClient> sessions = new ArrayList<>();
        for (int i = 0; i < WARM_UP; i++) {
            deadline.check("warming up connections");
            Socket s = Socket.open(http(pool, i), target.echoSocket());
            s.send(message);
            BenchFailure.check(s.next(20_000).text().equals(message), "the echo changed the message");
            echoes.add(s);
            ComponentClient c = ComponentClient.open(target.base(), http(pool, i), Counter.PAGE, target.diffyneSocket());
            Counter.click(c);
            sessions.add(c);
        }
        echoes.forEach(Socket::close);
        sessions.forEach(ComponentClient::close);
        sleep(5000);
    }

    private String sampleClick() {
        ComponentClient c = ComponentClient.open(target.base(), Wire.http(), Counter.PAGE, target.diffyneSocket());
        Counter.click(c);
        String request = Counter.click(c).request();
        c.close();
        return request;
    }

    private static HttpClient http(List<HttpClient> pool, int index) {
        while (pool.size() <= index / CLIENTS_PER_HTTP) {
            pool.add(Wire.http());
        }
        return pool.get(index / CLIENTS_PER_HTTP);
    }

    private static Map<String, Object> perConnection(long bytes, int connections) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("connections", connections);
        out.put("heap_delta_bytes", bytes);
        out.put("bytes_per_connection", Math.round((double) bytes / connections));
        return out;
    }

    private long used() {
        String json = Wire.get(Wire.http(), target.base() + "/bench/heap");
        return ClientSnapshot.parse(json).getJsonNumber("used").longValue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
