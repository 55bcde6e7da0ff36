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
 * Exchanges whose server read or write is not in the recording are left out, and counted.
 * <p>
 * {@code java io.diffyne.bench.load.ExchangeWindows <server.jfr> <round.json>}: markdown on standard output.
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

    private ExchangeWindows() {
    }

    public static void main(String[] args) throws IOException {
        List<Io> reads = new ArrayList<>();
        List<Io> writes = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String name = e.getEventType().getName();
            if (name.equals("jdk.SocketRead") && e.getLong("bytesRead") > 0) {
                reads.add(new Io(ns(e.getStartTime()), ns(e.getEndTime())));
            } else if (name.equals("jdk.SocketWrite")) {
                writes.add(new Io(ns(e.getStartTime()), ns(e.getEndTime())));
            }
        }
        reads.sort(Comparator.comparingLong(Io::end));
        writes.sort(Comparator.comparingLong(Io::end));
        long[] readEnds = reads.stream().mapToLong(Io::end).toArray();
        long[] writeEnds = writes.stream().mapToLong(Io::end).toArray();
        JsonObject round = ClientSnapshot.parse(Files.readString(Path.of(args[1])));
        StringBuilder md = new StringBuilder("\n**By exchange** (client send → server read done → server write done →"
                + " client has it; p50 / mean µs; exchanges matched of measured)\n\n| phase | side | matched | to the"
                + " server | server read to write | back to the client | round trip |\n|---|---|---|---|---|---|---|\n");
        for (String phase : round.keySet()) {
            if (!(round.get(phase) instanceof JsonObject p) || !p.containsKey("diffyne_timeline")) {
                continue;
            }
            long[][] d = windows(p.getJsonObject("diffyne_timeline"), readEnds, writeEnds, writes);
            long[][] e = windows(p.getJsonObject("echo_timeline"), readEnds, writeEnds, writes);
            row(md, phase, "Diffyne", d, p.getJsonObject("diffyne_timeline"));
            row(md, phase, "echo", e, p.getJsonObject("echo_timeline"));
            md.append(String.format("| %s | Diffyne − echo | | %s | **%s** | %s | **%s** |%n", phase,
                    gap(d[0], e[0]), gap(d[1], e[1]), gap(d[2], e[2]), gap(d[3], e[3])));
        }
        System.out.print(md);
    }

    /** Per matched exchange: to the server, server read to write, back to the client, round trip (ns). */
    private static long[][] windows(JsonObject timeline, long[] readEnds, long[] writeEnds, List<Io> writes) {
        JsonArray starts = timeline.getJsonArray("start_epoch_ns");
        JsonArray nanos = timeline.getJsonArray("nanos");
        List<long[]> rows = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            long sent = starts.getJsonNumber(i).longValue();
            long had = sent + nanos.getJsonNumber(i).longValue();
            int r = firstAtOrAfter(readEnds, sent - SKEW_NS);
            if (r >= readEnds.length || readEnds[r] > had) {
                continue;
            }
            long read = readEnds[r];
            int w = firstAtOrAfter(writeEnds, had + 1) - 1;
            if (w < 0 || writes.get(w).start() < read) {
                continue;
            }
            long written = writeEnds[w];
            rows.add(new long[] {read - sent, written - read, had - written, had - sent});
        }
        long[][] out = new long[4][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < 4; k++) {
                out[k][i] = rows.get(i)[k];
            }
        }
        return out;
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
