package io.diffyne.bench.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figure 4: server heap per idle WebSocket connection, live bytes from a class histogram ({@code GET /bench/heap}). A
 * Diffyne connection here is a page session whose counter was clicked once over the socket, so the connection holds
 * that live component (state, rendered tree), as it does after any interaction. Pages are fetched before the heap
 * reading that the connections are measured from, so page mounting (the app-wide tree cache) is counted apart too;
 * the open page ({@code diffyne_incl_page_mount}: GET + socket) is the figure issue 17 targets. At the highest level
 * the classes that grew are kept ({@code echo_classes}, {@code open_page_classes}): what each kilobyte is.
 * Baseline: the same number of raw echo connections, each having echoed one message of the click's size, measured
 * before Diffyne's and again after them ({@code echo_again}); Diffyne's figures are set against the mean of the two
 * ({@code echo_bracketed}, {@code ratio_open_page}). The echo's first reading came out lower than its second in every
 * run (by 0.6 to 5.9 KB per connection, most of it the container's HTTP request objects: 0.57 and 0.69 of Payara's
 * request per connection in one run), so a baseline taken on one side of Diffyne's figure moved with the container's
 * growth during the run rather than with what a connection costs. The mean narrows that; it does not remove it
 * (BENCHMARKS.md, the tenth session).
 * Pages are written as bytes, as the framework writes its own: the heap probe's and the pages' answers leave no
 * writer buffer with a connection.
 */
final class Heap {

    private static final int CLIENTS_PER_HTTP = 250;
    static final int TOP_CLASSES = 20;
    /** Tyrus's server-side session: one per open WebSocket, on every kind of connection measured here. */
    private static final String SESSION = "org.glassfish.tyrus.core.TyrusSession";
    /** Grizzly's TCP connection: one per socket, WebSocket or HTTP. */
    private static final String TCP = "org.glassfish.grizzly.nio.transport.TCPNIOConnection";
    /** The HTTP pool's kept-alive connections (one per client of the pool) and the probe's, which may come and go. */
    private static final int KEPT_ALIVE = 16;
    /**
     * How long a settle waits for the closed connections' TCP objects. Payara lets most of them go in one step about
     * 30 s after the close and pools about half of them for minutes (903 of 2,000 after 180 s), for new connections
     * to take: waiting up to 150 s did not clean the base (BENCHMARKS.md, the tenth session).
     */
    private static final long TCP_WAIT_MS = 20_000;

    private final Target target;
    private final int[] levels;
    /** One client for every heap reading, so the readings add one kept-alive connection, not one each. */
    private final HttpClient probe = Wire.http();
    /** After each settle, the closed connections' TCP objects the server still held. */
    private final List<Long> lingering = new ArrayList<>();
    /** How long each settle took, ms. */
    private final List<Long> settleMs = new ArrayList<>();

    Heap(Target target, int... levels) {
        this.target = target;
        this.levels = levels;
    }

    Map<String, Object> measure() {
        Map<String, Object> out = new LinkedHashMap<>();
        Deadline deadline = Deadline.in(Duration.ofMinutes(8));
        String message = sampleClick();
        List<HttpClient> pool = new ArrayList<>();

        warmUp(message, pool, deadline);
        Map<String, Object> echo = echoes(message, pool, deadline, out, "echo_classes", "echo_instances");

        List<ComponentClient> sessions = new ArrayList<>();
        Map<String, Object> diffyne = new LinkedHashMap<>();
        Map<String, Object> withPage = new LinkedHashMap<>();
        Reading beforePages = read();
        Reading afterConnections = beforePages;
        long connections = 0;
        for (int level : levels) {
            List<ClientSnapshotPage> pages = new ArrayList<>();
            for (int i = sessions.size(); i < level; i++) {
                deadline.check("fetching pages");
                pages.add(new ClientSnapshotPage(http(pool, i)));
            }
            Reading afterPages = read();
            for (ClientSnapshotPage page : pages) {
                deadline.check("opening Diffyne connections");
                ComponentClient c = page.connect();
                Counter.click(c);
                sessions.add(c);
            }
            afterConnections = read();
            connections += afterConnections.used() - afterPages.used();
            diffyne.put(String.valueOf(level), perConnection(connections, level));
            withPage.put(String.valueOf(level), perConnection(afterConnections.used() - beforePages.used(), level));
        }
        out.put("open_page_classes", afterConnections.perConnection(beforePages, sessions.size()));
        out.put("open_page_instances", afterConnections.instancesPerConnection(beforePages, sessions.size()));
        sessions.forEach(ComponentClient::close);
        settle(beforePages, deadline);
        // the baseline once more, after Diffyne's: how far the container's own state moves it within one run
        out.put("echo_again", echoes(message, pool, deadline, out, "echo_again_classes", "echo_again_instances"));
        out.put("echo", echo);
        out.put("diffyne", diffyne);
        out.put("diffyne_incl_page_mount", withPage);
        Map<String, Object> bracketed = new LinkedHashMap<>();
        Map<String, Object> ratio = new LinkedHashMap<>();
        for (int level : levels) {
            String key = String.valueOf(level);
            long mean = Math.round((perConnection(echo, key) + perConnection((Map<?, ?>) out.get("echo_again"), key)) / 2);
            bracketed.put(key, Map.of("bytes_per_connection", mean));
            ratio.put(key, Stats.ratio(perConnection(withPage, key), mean));
        }
        out.put("echo_bracketed", bracketed);
        out.put("ratio_open_page", ratio);
        out.put("lingering_tcp", lingering);
        out.put("settle_ms", settleMs);
        return out;
    }

    /**
     * Heap per raw echo connection at each level, each having echoed one message; closed after, heap settled. With
     * {@code classesKey}, the classes that make up the highest level's bytes go into {@code out} under it, and their
     * instances per connection under {@code instancesKey}.
     */
    private Map<String, Object> echoes(String message, List<HttpClient> pool, Deadline deadline,
                                       Map<String, Object> out, String classesKey, String instancesKey) {
        List<Socket> echoes = new ArrayList<>();
        Reading base = read();
        Reading now = base;
        Map<String, Object> echo = new LinkedHashMap<>();
        for (int level : levels) {
            while (echoes.size() < level) {
                deadline.check("opening echo connections");
                Socket s = Socket.open(http(pool, echoes.size()), target.echoSocket());
                s.send(message);
                BenchFailure.check(s.next(20_000).text().equals(message), "the echo changed the message");
                echoes.add(s);
            }
            now = read();
            echo.put(String.valueOf(level), perConnection(now.used() - base.used(), level));
        }
        if (out != null) {
            out.put(classesKey, now.perConnection(base, echoes.size()));
            out.put(instancesKey, now.instancesPerConnection(base, echoes.size()));
        }
        echoes.forEach(Socket::close);
        settle(base, deadline);
        return echo;
    }

    /**
     * Waits until the server has let go of the connections just closed: as many WebSocket sessions live as in
     * {@code base} (Tyrus releases a session when its close handshake ends, which the client does not wait for),
     * then up to {@link #TCP_WAIT_MS} for as many TCP connection objects, give or take the HTTP pool's kept-alive
     * ones. Payara keeps some of Grizzly's closed connection objects reachable for a while after their sockets are
     * gone (995 of 2,000 after two minutes, with no socket left in {@code ss}); those still held are counted in
     * {@code lingering_tcp} and are in the next figure's base, not in its delta. Closed connections freed during the
     * next figure's readings made it look cheaper (an echo figure moved between 10 and 22 KB per connection).
     */
    private void settle(Reading base, Deadline deadline) {
        long start = System.nanoTime();
        Reading now = read();
        while (now.instances(SESSION) > base.instances(SESSION)) {
            deadline.check("waiting for the server to release closed WebSocket sessions (" + now.instances(SESSION)
                    + " live, " + base.instances(SESSION) + " before)");
            sleep(250);
            now = read();
        }
        long until = System.nanoTime() + TCP_WAIT_MS * 1_000_000L;
        while (now.instances(TCP) > base.instances(TCP) + KEPT_ALIVE && System.nanoTime() < until) {
            deadline.check("waiting for the server to release closed TCP connections");
            sleep(250);
            now = read();
        }
        lingering.add(Math.max(0, now.instances(TCP) - base.instances(TCP)));
        settleMs.add((System.nanoTime() - start) / 1_000_000L);
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
     * Opens as many connections of each kind as the highest level, one kind after the other, and closes them, so the
     * container's pools and one-time growth (buffers, threads, classes) are at their peak before either kind is
     * measured: otherwise whichever kind came second found the first one's pooled buffers and looked cheaper (echo
     * before Diffyne 27 KB per connection, after it 18 KB, in one run).
     */
    private void warmUp(String message, List<HttpClient> pool, Deadline deadline) {
        int count = levels[levels.length - 1];
        Reading start = read();
        List<Socket> echoes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            deadline.check("warming up echo connections");
            Socket s = Socket.open(http(pool, i), target.echoSocket());
            s.send(message);
            BenchFailure.check(s.next(20_000).text().equals(message), "the echo changed the message");
            echoes.add(s);
        }
        echoes.forEach(Socket::close);
        settle(start, deadline);
        List<ComponentClient> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            deadline.check("warming up Diffyne connections");
            ComponentClient c = ComponentClient.open(target.base(), http(pool, i), Counter.PAGE, target.diffyneSocket());
            Counter.click(c);
            sessions.add(c);
        }
        sessions.forEach(ComponentClient::close);
        settle(start, deadline);
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

    private static double perConnection(Map<?, ?> figure, String level) {
        return ((Number) ((Map<?, ?>) figure.get(level)).get("bytes_per_connection")).doubleValue();
    }

    private static Map<String, Object> perConnection(long bytes, int connections) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("connections", connections);
        out.put("heap_delta_bytes", bytes);
        out.put("bytes_per_connection", Math.round((double) bytes / connections));
        return out;
    }

    private Reading read() {
        return Reading.parse(Wire.get(probe, target.base() + "/bench/heap"));
    }

    /** One class histogram of the server's live heap: its total, and instances and bytes per class. */
    record Reading(long used, Map<String, long[]> classes) {

        static Reading parse(String json) {
            jakarta.json.JsonObject o = ClientSnapshot.parse(json);
            Map<String, long[]> classes = new java.util.HashMap<>();
            o.getJsonObject("classes").forEach((name, v) -> classes.put(name, new long[] {
                v.asJsonArray().getJsonNumber(0).longValue(), v.asJsonArray().getJsonNumber(1).longValue()}));
            return new Reading(o.getJsonNumber("used").longValue(), classes);
        }

        long instances(String type) {
            long[] c = classes.get(type);
            return c == null ? 0 : c[0];
        }

        /** The classes that grew most since {@code before}, in bytes per connection, largest first; the rest summed. */
        Map<String, Object> perConnection(Reading before, int connections) {
            List<Map.Entry<String, Long>> grown = new ArrayList<>();
            java.util.Set<String> names = new java.util.HashSet<>(classes.keySet());
            names.addAll(before.classes.keySet());
            for (String name : names) {
                long[] now = classes.getOrDefault(name, new long[2]);
                long[] then = before.classes.getOrDefault(name, new long[2]);
                grown.add(Map.entry(name, now[1] - then[1]));
            }
            grown.sort((x, y) -> Long.compare(y.getValue(), x.getValue()));
            Map<String, Object> out = new LinkedHashMap<>();
            long rest = 0;
            for (int i = 0; i < grown.size(); i++) {
                if (i < TOP_CLASSES) {
                    out.put(grown.get(i).getKey(), Math.round((double) grown.get(i).getValue() / connections));
                } else {
                    rest += grown.get(i).getValue();
                }
            }
            out.put("(all other classes)", Math.round((double) rest / connections));
            return out;
        }

        /**
         * Instances per connection (two decimals) of the classes {@link #perConnection} names: how many of each object
         * one connection holds, to tell a class's bytes apart by what owns them.
         */
        Map<String, Object> instancesPerConnection(Reading before, int connections) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String name : perConnection(before, connections).keySet()) {
                if (classes.containsKey(name) || before.classes.containsKey(name)) {
                    double grown = instances(name) - before.instances(name);
                    out.put(name, Math.round(grown * 100 / connections) / 100.0);
                }
            }
            return out;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
