package io.diffyne.bench.load;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Where each measured exchange of a {@link StageBench} round spent its round trip, found one exchange at a time: the
 * client's send (its timeline) to the end of the server's first socket read after it, from there to the end of the
 * server's last socket write before the client had its answer, and from there to the client's receipt. Diffyne's
 * exchanges against the echoes' of the same phase, so that the server's share of the client's extra time is measured
 * without the stage marks (a check of {@link StageTable}'s, which places the echo's socket events by its own marks).
 * Exchanges whose server read or write is not in the recording are left out, and counted. Where the round timed the
 * JAX-RS echo too (the AJAX click), its rows say what a Jakarta REST resource adds to the servlet echo by itself.
 * <p>
 * With the client's recording, the ways to the server and back are each split at the client's own socket events:
 * the client's time from its send call to the end of its first socket write, and from the end of its last socket
 * read before the answer to the answer in the caller's hands, against the time on the wire (loopback, and the wake-up
 * of the side that reads).
 * <p>
 * {@code java io.diffyne.bench.load.ExchangeWindows <server.jfr> <round.json> [client.jfr]}: markdown on standard
 * output.
 */
public final class ExchangeWindows {

    /**
     * The client's clock and the recording's differ by some microseconds, so a read may seem to end this much before
     * the send. A wider margin takes the previous exchange's read (the client sends the next at once): at 500 µs,
     * "to the server" came out negative.
     */
    private static final long SKEW_NS = 50_000;

    private record Io(long start, long end) {
    }

    /** One recording's socket reads (that moved bytes) and writes, each sorted by end. */
    private static final class SocketEvents {
        final List<Io> reads = new ArrayList<>();
        final List<Io> writes = new ArrayList<>();
        long[] readEnds;
        long[] writeEnds;

        static SocketEvents of(Path jfr) throws IOException {
            SocketEvents s = new SocketEvents();
            for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
                String name = e.getEventType().getName();
                if (name.equals("jdk.SocketRead") && e.getLong("bytesRead") > 0) {
                    s.reads.add(new Io(ns(e.getStartTime()), ns(e.getEndTime())));
                } else if (name.equals("jdk.SocketWrite") && e.getLong("bytesWritten") > 0) {
                    s.writes.add(new Io(ns(e.getStartTime()), ns(e.getEndTime())));
                }
            }
            s.reads.sort(Comparator.comparingLong(Io::end));
            s.writes.sort(Comparator.comparingLong(Io::end));
            s.readEnds = s.reads.stream().mapToLong(Io::end).toArray();
            s.writeEnds = s.writes.stream().mapToLong(Io::end).toArray();
            return s;
        }
    }

    private ExchangeWindows() {
    }

    public static void main(String[] args) throws IOException {
        SocketEvents server = SocketEvents.of(Path.of(args[0]));
        SocketEvents client = args.length > 2 ? SocketEvents.of(Path.of(args[2])) : null;
        JsonObject round = ClientSnapshot.parse(Files.readString(Path.of(args[1])));
        StringBuilder md = new StringBuilder("\n**By exchange** (client send → server read done → server write done →"
                + " client has it; p50 / mean µs; exchanges matched of measured)\n\n| phase | side | matched | to the"
                + " server | server read to write | back to the client | round trip |\n|---|---|---|---|---|---|---|\n");
        StringBuilder sides = new StringBuilder("\n**The ways in and out, by the client's own socket events** (p50 /"
                + " mean µs: the client from its send call to its first socket write's end, that to the server's read"
                + " done, the server's last write done to the client's last socket read before it had the answer, and"
                + " that read to the answer in the caller's hands)\n\n| phase | side | client out | wire in | wire back"
                + " | client in |\n|---|---|---|---|---|---|\n");
        for (String phase : round.keySet()) {
            if (!(round.get(phase) instanceof JsonObject p) || !p.containsKey("diffyne_timeline")) {
                continue;
            }
            long[][] d = windows(p.getJsonObject("diffyne_timeline"), server, client);
            long[][] e = windows(p.getJsonObject("echo_timeline"), server, client);
            row(md, phase, "Diffyne", d, p.getJsonObject("diffyne_timeline"));
            row(md, phase, "echo", e, p.getJsonObject("echo_timeline"));
            md.append(String.format("| %s | Diffyne − echo | | %s | **%s** | %s | **%s** |%n", phase,
                    gap(d[0], e[0]), gap(d[1], e[1]), gap(d[2], e[2]), gap(d[3], e[3])));
            long[][] j = p.containsKey("jaxrs_echo_timeline")
                    ? windows(p.getJsonObject("jaxrs_echo_timeline"), server, client) : null;
            if (j != null) {
                row(md, phase, "JAX-RS echo", j, p.getJsonObject("jaxrs_echo_timeline"));
                md.append(String.format("| %s | JAX-RS echo − echo | | %s | **%s** | %s | **%s** |%n", phase,
                        gap(j[0], e[0]), gap(j[1], e[1]), gap(j[2], e[2]), gap(j[3], e[3])));
            }
            if (client != null) {
                if (j != null) {
                    sides.append(String.format("| %s | JAX-RS echo − echo | %s | %s | %s | %s |%n", phase,
                            gap(j[4], e[4]), gap(minus(j[0], j[4]), minus(e[0], e[4])),
                            gap(minus(j[2], j[5]), minus(e[2], e[5])), gap(j[5], e[5])));
                }
                sides.append(String.format("| %s | Diffyne | %s | %s | %s | %s |%n", phase, cell(d[4]),
                        cell(minus(d[0], d[4])), cell(minus(d[2], d[5])), cell(d[5])));
                sides.append(String.format("| %s | echo | %s | %s | %s | %s |%n", phase, cell(e[4]),
                        cell(minus(e[0], e[4])), cell(minus(e[2], e[5])), cell(e[5])));
                sides.append(String.format("| %s | Diffyne − echo | %s | %s | %s | %s |%n", phase, gap(d[4], e[4]),
                        gap(minus(d[0], d[4]), minus(e[0], e[4])), gap(minus(d[2], d[5]), minus(e[2], e[5])),
                        gap(d[5], e[5])));
            }
        }
        System.out.print(md);
        if (client != null) {
            System.out.print(sides);
        }
    }

    /**
     * Per matched exchange: to the server, server read to write, back to the client, round trip and, with the
     * client's recording (else 0), the client's send call to its first socket write's end and its last socket read
     * before the answer to the answer (ns). With a client recording, an exchange is matched only when both are found.
     */
    private static long[][] windows(JsonObject timeline, SocketEvents server, SocketEvents client) {
        JsonArray starts = timeline.getJsonArray("start_epoch_ns");
        JsonArray nanos = timeline.getJsonArray("nanos");
        List<long[]> rows = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            long sent = starts.getJsonNumber(i).longValue();
            long had = sent + nanos.getJsonNumber(i).longValue();
            int r = firstAtOrAfter(server.readEnds, sent - SKEW_NS);
            if (r >= server.readEnds.length || server.readEnds[r] > had) {
                continue;
            }
            long read = server.readEnds[r];
            int w = firstAtOrAfter(server.writeEnds, had + 1) - 1;
            if (w < 0 || server.writes.get(w).start() < read) {
                continue;
            }
            long written = server.writeEnds[w];
            long out = 0;
            long in = 0;
            if (client != null) {
                // the same JVM's clocks: the client's first write ending after the send, its last read before `had`
                int cw = firstAtOrAfter(client.writeEnds, sent);
                int cr = firstAtOrAfter(client.readEnds, had + 1) - 1;
                if (cw >= client.writeEnds.length || client.writeEnds[cw] > read + SKEW_NS || cr < 0
                        || client.readEnds[cr] < written - SKEW_NS) {
                    continue;
                }
                out = client.writeEnds[cw] - sent;
                in = had - client.readEnds[cr];
            }
            rows.add(new long[] {read - sent, written - read, had - written, had - sent, out, in});
        }
        long[][] out = new long[6][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < 6; k++) {
                out[k][i] = rows.get(i)[k];
            }
        }
        return out;
    }

    private static long[] minus(long[] a, long[] b) {
        long[] d = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static int firstAtOrAfter(long[] sorted, long value) {
        int i = Arrays.binarySearch(sorted, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == value) {
            i--;
        }
        return i;
    }

    private static void row(StringBuilder md, String phase, String side, long[][] w, JsonObject timeline) {
        md.append(String.format("| %s | %s | %d of %d | %s | %s | %s | %s |%n", phase, side, w[0].length,
                timeline.getJsonArray("nanos").size(), cell(w[0]), cell(w[1]), cell(w[2]), cell(w[3])));
    }

    private static String cell(long[] ns) {
        return String.format("%.0f / %.0f", p50(ns) / 1000.0, mean(ns) / 1000.0);
    }

    private static String gap(long[] mine, long[] echo) {
        return String.format("%+.0f / %+.0f", (p50(mine) - p50(echo)) / 1000.0, (mean(mine) - mean(echo)) / 1000.0);
    }

    private static double p50(long[] ns) {
        if (ns.length == 0) {
            return 0;
        }
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double mean(long[] ns) {
        return ns.length == 0 ? 0 : Arrays.stream(ns).average().orElse(0);
    }

    private static long ns(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
