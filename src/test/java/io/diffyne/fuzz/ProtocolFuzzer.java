package io.diffyne.fuzz;

import io.diffyne.transport.websocket.TestSocket;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The protocol fuzzer (issue 12): {@code messages} generated and mutated messages on each transport (WebSocket,
 * AJAX), each split over two lanes that run at once, then the end checks: {@code /health} answers 200, a socket opened
 * before the run (pinged every few seconds meanwhile) and a fresh one both answer a ping, and, when the server's log
 * is given, no SEVERE line was written during the run. Seeded: lane {@code n} uses {@code seed + n}; the same seed
 * replays the same messages (the snapshots come from the live demo pages). Run by {@code scripts/fuzz.sh} (100,000
 * per transport) and by {@code ProtocolFuzzIT} (a short run).
 *
 * <pre>java -cp … io.diffyne.fuzz.ProtocolFuzzer http://127.0.0.1:8080/ [-Dfuzz.messages=100000] [-Dfuzz.seed=…]
 *     [-Dfuzz.budget=seconds] [-Dfuzz.log=server.log] [-Dfuzz.maxMessageSize=1048576]</pre>
 */
public final class ProtocolFuzzer {

    private static final int LANES = 2;
    private static final Duration KEEPALIVE = Duration.ofSeconds(5);

    /** What one run did: its failures (answers and end checks), counts and time. */
    public record Result(long seed, long failures, List<String> failureDetails, String summary, long wsMessages,
            long ajaxMessages, Duration took) {
        public String report() {
            return "seed " + seed + ": " + wsMessages + " WebSocket and " + ajaxMessages + " AJAX messages in "
                    + took.toMillis() + " ms, " + failures + " failures\n" + summary
                    + String.join("\n", failureDetails);
        }
    }

    private ProtocolFuzzer() {
    }

    /** {@code base}: the application's root URL ending in '/'; {@code serverLog}: null to skip the SEVERE check. */
    public static Result run(URI base, long messagesPerTransport, long seed, Duration budget, int maxMessageSize,
            Supplier<String> serverLog) throws Exception {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        int logFrom = serverLog == null ? 0 : serverLog.get().length();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Seeds seeds = Seeds.fetch(http, base);
        Findings findings = new Findings();
        List<Thread> lanes = new ArrayList<>();
        for (int n = 0; n < LANES; n++) {
            long share = messagesPerTransport / LANES + (n < messagesPerTransport % LANES ? 1 : 0);
            lanes.add(new Thread(new WebSocketLane(new Lane("ws-" + n, base, seeds, seed + n, maxMessageSize,
                    findings, share, deadline)), "fuzz-ws-" + n));
            lanes.add(new Thread(new AjaxLane(new Lane("ajax-" + n, base, seeds, seed + LANES + n, maxMessageSize,
                    findings, share, deadline)), "fuzz-ajax-" + n));
        }
        try (TestSocket sentinel = TestSocket.connectAsPage(base, TestSocket.pageToken(base))) {
            lanes.forEach(Thread::start);
            int pings = 0;
            for (Thread lane : lanes) {
                for (lane.join(KEEPALIVE.toMillis()); lane.isAlive(); lane.join(KEEPALIVE.toMillis())) {
                    ping(sentinel, "sentinel", ++pings, findings);
                }
            }
            ping(sentinel, "sentinel", ++pings, findings);
        }
        try (TestSocket fresh = TestSocket.connectAsPage(base, TestSocket.pageToken(base))) {
            ping(fresh, "fresh socket", 1, findings);
        }
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("_diffyne/health"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() != 200) {
            findings.fail("end", 0, "health answered " + health.statusCode(), "GET _diffyne/health", health.body());
        }
        if (serverLog != null) {
            for (String line : serverLog.get().substring(logFrom).split("\n")) {
                if (line.contains("SEVERE")) {
                    findings.fail("end", 0, "SEVERE in the server log", "", line);
                }
            }
        }
        long ws = findings.count("ws messages", true);
        long ajax = findings.count("ajax messages", true);
        if (System.nanoTime() > deadline && ws + ajax < 2 * messagesPerTransport) {
            findings.fail("end", 0, "budget of " + budget.toSeconds() + " s ran out", "", null);
        }
        return new Result(seed, findings.failures(), findings.kept().stream().map(Object::toString).toList(),
                findings.summary(), ws, ajax, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void ping(TestSocket socket, String which, int t, Findings findings) {
        String ping = "{\"event\":\"diffyne.ping\",\"data\":{\"t\":" + t + "}}";
        socket.send(ping);
        String expected = "{\"event\":\"diffyne.pong\",\"data\":{\"t\":" + t + "}}";
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            String answer = socket.poll(Duration.ofMillis(Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            if (expected.equals(answer)) {
                findings.count("end pongs " + which);
                return;
            }
            if (answer == null || !answer.startsWith("{\"event\":\"diffyne.push\"")) {
                break;
            }
        }
        findings.fail("end", t, which + " did not answer ping",
                ping, socket.isClosed() ? String.valueOf(socket.awaitClose(Duration.ZERO)) : null);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ProtocolFuzzer <base url, e.g. http://127.0.0.1:8080/>");
            System.exit(64);
        }
        URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        long messages = Long.getLong("fuzz.messages", 100_000);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Duration budget = Duration.ofSeconds(Long.getLong("fuzz.budget", 24 * 3600));
        int maxMessageSize = Integer.getInteger("fuzz.maxMessageSize", 1_048_576);
        String log = System.getProperty("fuzz.log");
        Supplier<String> serverLog = log == null ? null : () -> {
            try {
                return Files.readString(Path.of(log), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        System.out.println("fuzz: seed " + seed + " (-Dfuzz.seed=" + seed + " replays), " + messages
                + " messages per transport against " + base);
        Result result = run(base, messages, seed, budget, maxMessageSize, serverLog);
        System.out.println(result.report());
        System.exit(result.failures() == 0 ? 0 : 1);
    }
}
