package io.diffyne.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figure 1: sequential counter clicks, one page session, after a warm-up; then the echo of a message of the same size
 * (the very last click request's text) on the same transport.
 */
final class Latency {

    private final Target target;
    private final int warmup;
    private final int clicks;

    Latency(Target target, int warmup, int clicks) {
        this.target = target;
        this.warmup = warmup;
        this.clicks = clicks;
    }

    Map<String, Object> webSocket() {
        HttpClient http = Wire.http();
        ComponentClient client = ComponentClient.open(target.base(), http, Counter.PAGE, target.diffyneSocket());
        Deadline deadline = Deadline.in(Duration.ofSeconds(90));
        long[] diffyne = new long[clicks];
        String request = null;
        for (int i = 0; i < warmup + clicks; i++) {
            deadline.check("WebSocket clicks");
            ComponentClient.Exchange x = Counter.click(client);
            if (i >= warmup) {
                diffyne[i - warmup] = x.nanos();
            }
            request = x.request();
        }
        client.close();
        Socket echo = Socket.open(http, target.echoSocket());
        long[] baseline = new long[clicks];
        for (int i = 0; i < warmup + clicks; i++) {
            deadline.check("WebSocket echo");
            long start = System.nanoTime();
            echo.send(request);
            Socket.Message m = echo.next(20_000);
            BenchFailure.check(m.text().equals(request), "the echo changed the message");
            if (i >= warmup) {
                baseline[i - warmup] = m.at() - start;
            }
        }
        echo.close();
        return compare(diffyne, baseline, request.length());
    }

    Map<String, Object> ajax() {
        HttpClient http = Wire.http();
        ComponentClient client = ComponentClient.open(target.base(), http, Counter.PAGE, null);
        Deadline deadline = Deadline.in(Duration.ofSeconds(120));
        long[] diffyne = new long[clicks];
        String request = null;
        for (int i = 0; i < warmup + clicks; i++) {
            deadline.check("AJAX clicks");
            ComponentClient.Exchange x = Counter.click(client);
            if (i >= warmup) {
                diffyne[i - warmup] = x.nanos();
            }
            request = x.request();
        }
        long[] baseline = new long[clicks];
        for (int i = 0; i < warmup + clicks; i++) {
            deadline.check("HTTP echo");
            long start = System.nanoTime();
            HttpResponse<String> r = Wire.postJson(http, target.echoHttp(), request);
            long nanos = System.nanoTime() - start;
            BenchFailure.check(r.statusCode() == 200 && r.body().equals(request), "the HTTP echo changed the body");
            if (i >= warmup) {
                baseline[i - warmup] = nanos;
            }
        }
        return compare(diffyne, baseline, request.length());
    }

    private static Map<String, Object> compare(long[] diffyne, long[] echo, int requestChars) {
        Map<String, Object> d = Stats.micros(diffyne);
        Map<String, Object> e = Stats.micros(echo);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("request_chars", requestChars);
        out.put("diffyne", d);
        out.put("echo", e);
        Map<String, Object> ratio = new LinkedHashMap<>();
        for (String k : new String[] {"p50_us", "p90_us", "p99_us"}) {
            ratio.put(k.replace("_us", ""), Stats.ratio((double) d.get(k), (double) e.get(k)));
        }
        out.put("ratio", ratio);
        return out;
    }
}
