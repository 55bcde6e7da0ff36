package io.diffyne.bench.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Figure 1: sequential counter clicks, one page session, after a warm-up, against the echo of the same text (the
 * latest click request) on the same transport. Clicks and echoes alternate in blocks of {@value #BLOCK}, so a change
 * in background load on a shared machine hits both sides of the ratio alike.
 */
final class Latency {

    static final int BLOCK = 250;
    /** At most this many warm-up rounds of {@link #BLOCK} clicks and echoes until the compilers are quiet (10 in a quick run). */
    static final int MAX_QUIET_ROUNDS = 120;

    private final Target target;
    private final int warmup;
    private final int clicks;
    /** When set ({@link StageBench}), each measured exchange's start and duration go into the result too. */
    private boolean timeline;

    Latency(Target target, int warmup, int clicks) {
        this.target = target;
        this.warmup = warmup;
        this.clicks = clicks;
    }

    /** Keeps each measured exchange's start and duration in the result ({@link Timeline}). */
    Latency withTimeline() {
        timeline = true;
        return this;
    }

    Map<String, Object> webSocket() {
        HttpClient http = Wire.http();
        ComponentClient client = ComponentClient.open(target.base(), http, Counter.PAGE, target.diffyneSocket());
        Socket echo = Socket.open(http, target.echoSocket());
        Deadline deadline = Deadline.in(Duration.ofSeconds(300));
        String[] request = {null};
        long[] sent = {0};
        LongSupplier click = () -> {
            ComponentClient.Exchange x = Counter.click(client);
            request[0] = x.request();
            sent[0] = x.sentAt();
            return x.nanos();
        };
        LongSupplier echoed = () -> {
            long start = System.nanoTime();
            echo.send(request[0]);
            Socket.Message m = echo.next(20_000);
            BenchFailure.check(m.text().equals(request[0]), "the echo changed the message");
            return m.at() - start;
        };
        Map<String, Object> out = interleave(click, () -> sent[0], echoed, null, deadline, "WebSocket", http);
        out.put("request_chars", request[0].length());
        client.close();
        echo.close();
        return out;
    }

    Map<String, Object> ajax() {
        HttpClient http = Wire.http();
        ComponentClient client = ComponentClient.open(target.base(), http, Counter.PAGE, null);
        Deadline deadline = Deadline.in(Duration.ofSeconds(400));
        String[] request = {null};
        long[] sent = {0};
        LongSupplier click = () -> {
            ComponentClient.Exchange x = Counter.click(client);
            request[0] = x.request();
            sent[0] = x.sentAt();
            return x.nanos();
        };
        LongSupplier echoed = () -> Wire.echo(http, target.echoHttp(), request[0]);
        // the same echo through Jakarta REST: the floor of a JAX-RS resource, beside the servlet's
        LongSupplier rest = () -> Wire.echo(http, target.echoRest(), request[0]);
        Map<String, Object> out = interleave(click, () -> sent[0], echoed, rest, deadline, "AJAX", http);
        out.put("request_chars", request[0].length());
        return out;
    }

    /**
     * Blocks of clicks and of echoes in turn; with {@code extra} (a second baseline, or null) a block of it after
     * each echo block, reported as {@code jaxrs_echo} and {@code ratio_to_jaxrs_echo} (its only use).
     * {@code clickSentAt} gives the last click's send time for the timeline.
     */
    private Map<String, Object> interleave(LongSupplier click, LongSupplier clickSentAt, LongSupplier echo,
                                           LongSupplier extra, Deadline deadline, String what, HttpClient http) {
        for (int i = 0; i < warmup; i++) {
            deadline.check(what + " warm-up");
            click.getAsLong();
            echo.getAsLong();
            if (extra != null) {
                extra.getAsLong();
            }
        }
        // then until the server's compilers are quiet (a phase with warmup 0 is itself a warm-up: not here)
        Map<String, Object> warmed = warmup == 0 ? Map.of() : JitQuiet.warm(http, target.base(), () -> {
            for (int i = 0; i < BLOCK; i++) {
                click.getAsLong();
                echo.getAsLong();
                if (extra != null) {
                    extra.getAsLong();
                }
            }
        }, warmup >= 500 ? MAX_QUIET_ROUNDS : 10, deadline);
        long compiledBefore = warmup == 0 ? 0 : JitQuiet.compileMillis(http, target.base());
        long[] diffyne = new long[clicks];
        long[] baseline = new long[clicks];
        long[] second = new long[extra == null ? 0 : clicks];
        Timeline clicked = Timeline.start();
        Timeline echoed = Timeline.start();
        Timeline rested = Timeline.start();
        for (int done = 0; done < clicks; done += BLOCK) {
            int n = Math.min(BLOCK, clicks - done);
            for (int i = 0; i < n; i++) {
                deadline.check(what + " clicks");
                diffyne[done + i] = clicked.time(click, clickSentAt);
            }
            for (int i = 0; i < n; i++) {
                deadline.check(what + " echo");
                baseline[done + i] = echoed.time(echo);
            }
            for (int i = 0; i < second.length && i < n; i++) {
                deadline.check(what + " second echo");
                second[done + i] = rested.time(extra);
            }
        }
        Map<String, Object> out = compare(diffyne, baseline);
        if (extra != null) {
            Map<String, Object> against = compare(diffyne, second);
            out.put("jaxrs_echo", against.get("echo"));
            out.put("ratio_to_jaxrs_echo", against.get("ratio"));
        }
        if (warmup != 0) {
            out.put("warm_until_quiet", warmed);
            out.put("server_compile_ms_during_measured", JitQuiet.compileMillis(http, target.base()) - compiledBefore);
        }
        if (timeline) {
            out.put("diffyne_timeline", clicked.json());
            out.put("echo_timeline", echoed.json());
            if (extra != null) {
                out.put("jaxrs_echo_timeline", rested.json());
            }
        }
        return out;
    }

    private static Map<String, Object> compare(long[] diffyne, long[] echo) {
        Map<String, Object> d = Stats.micros(diffyne);
        Map<String, Object> e = Stats.micros(echo);
        Map<String, Object> out = new LinkedHashMap<>();
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
