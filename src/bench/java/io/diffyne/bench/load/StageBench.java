package io.diffyne.bench.load;

import static io.diffyne.bench.load.Jsons.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The actions the stage table ({@link StageTable}) accounts for, against a server recording the {@code io.diffyne.*}
 * flight recorder events: counter clicks and appends to a 100-item todo list, over WebSocket and AJAX, each in
 * blocks alternating with the echo of the same request text on the same transport (as {@link Latency} does). The list
 * stays at 100 items: each measured append is followed by the removal of the item it added (not measured). Writes
 * the round trips and each phase's time window, which the table reads the server's events from.
 * <p>
 * {@code java io.diffyne.bench.load.StageBench <port> <wsKey> <out.json> [quick]}
 */
public final class StageBench {

    private static final int BLOCK = 50;

    private final Target target;
    private final boolean quick;
    private final List<Map<String, Object>> phases = new ArrayList<>();

    private StageBench(Target target, boolean quick) {
        this.target = target;
        this.quick = quick;
    }

    public static void main(String[] args) throws Exception {
        Target target = new Target("127.0.0.1", Integer.parseInt(args[0]), args[1]);
        StageBench bench = new StageBench(target, args.length > 3 && args[3].equals("quick"));
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            out.put("load_before", load());
            bench.run(out);
            out.put("load_after", load());
        } catch (BenchFailure e) {
            System.err.println("BENCHMARK FAILED: " + e.getMessage());
            System.exit(2);
        }
        out.put("phases", bench.phases);
        try (Writer w = Files.newBufferedWriter(Path.of(args[2]));
             var writer = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(w)) {
            writer.write(JSON.createObjectBuilder(out).build());
        }
        System.exit(0);
    }

    private void run(Map<String, Object> out) {
        int clicks = quick ? 250 : 2000;
        int appends = quick ? 50 : 400;
        // JIT and class loading first: none of this is measured
        new Latency(target, 0, quick ? 300 : 1500).webSocket();
        new Latency(target, 0, quick ? 300 : 1500).ajax();
        out.put("click.websocket", phase("click.websocket", () -> new Latency(target, 200, clicks).withTimeline()
                .webSocket()));
        out.put("click.ajax", phase("click.ajax", () -> new Latency(target, 200, clicks).withTimeline().ajax()));
        out.put("append.websocket", appends(true, appends));
        out.put("append.ajax", appends(false, appends));
    }

    private Map<String, Object> appends(boolean socket, int n) {
        HttpClient http = Wire.http();
        ComponentClient client = ComponentClient.open(target.base(), http, Todos.PAGE,
                socket ? target.diffyneSocket() : null);
        Todos.seed(client, 100);
        Socket echo = socket ? Socket.open(http, target.echoSocket()) : null;
        String[] request = {null};
        int[] counter = {0};
        long[] sent = {0};
        LongSupplier append = () -> {
            ComponentClient.Exchange x = Todos.append(client, "Appended item " + ++counter[0]);
            request[0] = x.request();
            sent[0] = x.sentAt();
            JsonArray todos = client.snapshot.state.getJsonArray("todos");
            long id = todos.getJsonObject(todos.size() - 1).getJsonNumber("id").longValue();
            client.call("removeTodo", JSON.createArrayBuilder().add(id).build(), null);
            BenchFailure.check(client.snapshot.state.getJsonArray("todos").size() == 100, "the removal failed");
            return x.nanos();
        };
        LongSupplier echoed = socket ? () -> {
            long start = System.nanoTime();
            echo.send(request[0]);
            Socket.Message m = echo.next(20_000);
            BenchFailure.check(m.text().equals(request[0]), "the echo changed the message");
            return m.at() - start;
        } : () -> {
            long start = System.nanoTime();
            HttpResponse<String> r = Wire.postJson(http, target.echoHttp(), request[0]);
            long nanos = System.nanoTime() - start;
            BenchFailure.check(r.statusCode() == 200 && r.body().equals(request[0]), "the HTTP echo changed the body");
            return nanos;
        };
        for (int i = 0; i < (quick ? 20 : 200); i++) {
            append.getAsLong();
            echoed.getAsLong();
        }
        String name = socket ? "append.websocket" : "append.ajax";
        Deadline deadline = Deadline.in(Duration.ofSeconds(120));
        Map<String, Object> result = phase(name, () -> {
            long[] d = new long[n];
            long[] e = new long[n];
            Timeline appended = Timeline.start();
            Timeline echoes = Timeline.start();
            for (int done = 0; done < n; done += BLOCK) {
                for (int i = done; i < Math.min(n, done + BLOCK); i++) {
                    deadline.check(name);
                    d[i] = appended.time(append, () -> sent[0]);
                }
                for (int i = done; i < Math.min(n, done + BLOCK); i++) {
                    e[i] = echoes.time(echoed);
                }
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("diffyne", Stats.micros(d));
            r.put("echo", Stats.micros(e));
            r.put("diffyne_mean_us", mean(d));
            r.put("echo_mean_us", mean(e));
            r.put("diffyne_timeline", appended.json());
            r.put("echo_timeline", echoes.json());
            return r;
        });
        result.put("request_chars", request[0].length());
        client.close();
        if (echo != null) {
            echo.close();
        }
        return result;
    }

    static double mean(long[] nanos) {
        long sum = 0;
        for (long v : nanos) {
            sum += v;
        }
        return Stats.us(sum / Math.max(1, nanos.length));
    }

    private <T> T phase(String name, java.util.function.Supplier<T> work) {
        long start = System.currentTimeMillis();
        System.out.println("[stages] " + name + " …");
        T value = work.get();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("start_ms", start);
        p.put("end_ms", System.currentTimeMillis());
        p.put("load", load());
        phases.add(p);
        return value;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
