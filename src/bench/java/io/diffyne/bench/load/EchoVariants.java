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

    Map<String, Object> measure() {
        HttpClient http = Wire.http();
        Deadline deadline = Deadline.in(Duration.ofMinutes(4));
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
        Map<String, long[]> samples = new LinkedHashMap<>();
        sides.keySet().forEach(k -> samples.put(k, new long[rounds * BLOCK]));
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, LongSupplier> side : sides.entrySet()) {
                long[] into = samples.get(side.getKey());
                for (int i = 0; i < BLOCK; i++) {
                    deadline.check("variants " + side.getKey());
                    into[r * BLOCK + i] = side.getValue().getAsLong();
                }
            }
        }
        client.close();
        sockets.values().forEach(Socket::close);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("echo_info_timeouts", timeouts);
        out.put("request_chars", request[0].length());
        Map<String, Object> echo = Stats.micros(samples.get("/bench/echo"));
        for (Map.Entry<String, long[]> e : samples.entrySet()) {
            Map<String, Object> s = Stats.micros(e.getValue());
            s.put("p50_x_echo", Stats.ratio((double) s.get("p50_us"), (double) echo.get("p50_us")));
            s.put("p99_x_echo", Stats.ratio((double) s.get("p99_us"), (double) echo.get("p99_us")));
            out.put(e.getKey(), s);
        }
        return out;
    }
}
