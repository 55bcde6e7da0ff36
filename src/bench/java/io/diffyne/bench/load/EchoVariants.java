package io.diffyne.bench.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Diagnostic phase {@code variants}: the counter click and the raw echo, interleaved in blocks with echoes that each
 * make one of the container calls Diffyne's endpoint makes ({@code io.diffyne.bench.server.EchoVariantSockets}): the
 * idle timer off, a partial text handler, the asynchronous remote, and all three. Each variant's p50 and p99 against
 * the raw echo's of the same run say how much of the click's distance from the echo is the container's path for
 * those calls rather than Diffyne's work. Not part of the full run: {@code BENCH_ONLY=variants scripts/bench.sh fanout}.
 */
final class EchoVariants {

    static final List<String> PATHS = List.of("/bench/echo", "/bench/echo-timeout0", "/bench/echo-partial",
            "/bench/echo-async", "/bench/echo-like-diffyne");

    private static final int BLOCK = 200;

    private final Target target;
    private final int warmup;
    private final int rounds;

    EchoVariants(Target target, int warmup, int rounds) {
        this.target = target;
        this.warmup = warmup;
        this.rounds = rounds;
    }

    /** The server process's CPU time so far, ns ({@code GET /bench/jit}). */
    private long serverCpu(HttpClient http) {
        String body = Wire.get(http, target.base() + "/bench/jit");
        return ClientSnapshot.parse(body).getJsonNumber("cpu_ns").longValue();
    }

    /** The server's CPU ticks so far per kind of thread ({@code GET /bench/threads}). */
    private Map<String, Long> threadTicks(HttpClient http) {
        Map<String, Long> out = new java.util.HashMap<>();
        ClientSnapshot.parse(Wire.get(http, target.base() + "/bench/threads")).getJsonObject("groups")
                .forEach((name, ticks) -> out.put(name, ((jakarta.json.JsonNumber) ticks).longValue()));
        return out;
    }

    Map<String, Object> measure() {
        HttpClient http = Wire.http();
        Deadline deadline = Deadline.in(Duration.ofMinutes(8));
        ComponentClient client = ComponentClient.open(target.base(), http, Counter.PAGE, target.diffyneSocket());
        String[] request = {Counter.click(client).request()};
        Map<String, LongSupplier> sides = new LinkedHashMap<>();
        sides.put("diffyne_click", () -> {
            ComponentClient.Exchange x = Counter.click(client);
            request[0] = x.request();
            return x.nanos();
        });
        Map<String, Socket> sockets = new LinkedHashMap<>();
        for (String path : PATHS) {
            Socket socket = Socket.open(http, "ws://" + target.host() + ":" + target.port() + path);
            sockets.put(path, socket);
            sides.put(path, () -> {
                long start = System.nanoTime();
                socket.send(request[0]);
                Socket.Message m = socket.next(20_000);
                BenchFailure.check(m.text().equals(request[0]), path + " changed the message");
                return m.at() - start;
            });
        }
        Socket info = Socket.open(http, "ws://" + target.host() + ":" + target.port() + "/bench/echo-info");
        info.send("?");
        String timeouts = info.next(20_000).text();
        info.close();
        for (int i = 0; i < warmup; i++) {
            deadline.check("variants warm-up");
            sides.values().forEach(LongSupplier::getAsLong);
        }
        Map<String, Object> warmed = JitQuiet.warm(http, target.base(), () -> {
            for (int i = 0; i < BLOCK; i++) {
                sides.values().forEach(LongSupplier::getAsLong);
            }
        }, 100, deadline);
        long compiledBefore = JitQuiet.compileMillis(http, target.base());
        Map<String, long[]> samples = new LinkedHashMap<>();
        Map<String, long[]> cpu = new LinkedHashMap<>();
        Map<String, Map<String, Long>> threads = new LinkedHashMap<>();
        sides.keySet().forEach(k -> {
            samples.put(k, new long[rounds * BLOCK]);
            cpu.put(k, new long[2]);
            threads.put(k, new java.util.TreeMap<>());
        });
        var clientJvm = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, LongSupplier> side : sides.entrySet()) {
                long[] into = samples.get(side.getKey());
                long serverBefore = serverCpu(http);
                Map<String, Long> threadsBefore = threadTicks(http);
                long clientBefore = clientJvm.getProcessCpuTime();
                for (int i = 0; i < BLOCK; i++) {
                    deadline.check("variants " + side.getKey());
                    into[r * BLOCK + i] = side.getValue().getAsLong();
                }
                Map<String, Long> threadsAfter = threadTicks(http);
                cpu.get(side.getKey())[0] += serverCpu(http) - serverBefore;
                threadsAfter.forEach((name, ticks) -> threads.get(side.getKey()).merge(name,
                        ticks - threadsBefore.getOrDefault(name, 0L), Long::sum));
                cpu.get(side.getKey())[1] += clientJvm.getProcessCpuTime() - clientBefore;
            }
        }
        client.close();
        sockets.values().forEach(Socket::close);
        long compiledDuring = JitQuiet.compileMillis(http, target.base()) - compiledBefore;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("echo_info_timeouts", timeouts);
        out.put("warm_until_quiet", warmed);
        out.put("server_compile_ms_during_measured", compiledDuring);
        out.put("request_chars", request[0].length());
        Map<String, Object> echo = Stats.micros(samples.get("/bench/echo"));
        for (Map.Entry<String, long[]> e : samples.entrySet()) {
            Map<String, Object> s = Stats.micros(e.getValue());
            s.put("p50_x_echo", Stats.ratio((double) s.get("p50_us"), (double) echo.get("p50_us")));
            s.put("p99_x_echo", Stats.ratio((double) s.get("p99_us"), (double) echo.get("p99_us")));
            // every thread of each process (compilers and collectors too), one GET /bench/jit per block included
            s.put("server_cpu_us_per_exchange", Math.round(cpu.get(e.getKey())[0] / 1e3 / e.getValue().length * 10)
                    / 10.0);
            // the server's threads by kind (Linux clock ticks of 10 ms, summed over every block), µs per exchange
            Map<String, Object> kinds = new LinkedHashMap<>();
            int exchanges = e.getValue().length;
            threads.get(e.getKey()).entrySet().stream().filter(t -> t.getValue() > 0)
                    .sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(12)
                    .forEach(t -> kinds.put(t.getKey(), Math.round(t.getValue() * 10_000.0 / exchanges * 10) / 10.0));
            s.put("server_threads_us_per_exchange", kinds);
            s.put("client_cpu_us_per_exchange", Math.round(cpu.get(e.getKey())[1] / 1e3 / e.getValue().length * 10)
                    / 10.0);
            out.put(e.getKey(), s);
        }
        return out;
    }
}
