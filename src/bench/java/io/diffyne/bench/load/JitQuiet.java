package io.diffyne.bench.load;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Warm-up until the server's JIT compilers are quiet: rounds of the phase's own exchanges until {@link #IN_A_ROW}
 * rounds in a row each cost the server's compiler threads at most {@link #QUIET_MS} of CPU ({@code GET /bench/jit}:
 * their CPU time grows while a compilation runs, where the JVM's compile time grows only when one ends, and C2
 * compilations of a second each were still running, unseen, when three quiet rounds let the measured ones begin). A fixed
 * number of warm-up exchanges left Diffyne's longer code path still compiling when the measured blocks began: the
 * compiler threads then took 400 µs of the server's CPU per measured click (against 80–160 µs per echo) and preempted
 * the handler on 2 cores, so a figure meant for a running server measured its first minute instead.
 */
final class JitQuiet {

    static final long QUIET_MS = 10;
    static final int IN_A_ROW = 3;

    private JitQuiet() {
    }

    /**
     * Runs {@code round} until the compilers are quiet or {@code maxRounds} ran; what it took, for the results:
     * rounds, compile ms during them, compiler CPU ms in the last round.
     */
    static Map<String, Object> warm(HttpClient http, String base, Runnable round, int maxRounds, Deadline deadline) {
        long start = compileMillis(http, base);
        long busyBefore = busyMillis(http, base);
        int rounds = 0;
        int quiet = 0;
        long last = 0;
        while (rounds < maxRounds && quiet < IN_A_ROW) {
            deadline.check("warming up until the server's compilers are quiet");
            round.run();
            rounds++;
            long busy = busyMillis(http, base);
            last = busy - busyBefore;
            busyBefore = busy;
            quiet = last <= QUIET_MS ? quiet + 1 : 0;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rounds", rounds);
        out.put("compile_ms", compileMillis(http, base) - start);
        out.put("last_round_compiler_cpu_ms", last);
        out.put("quiet", quiet >= IN_A_ROW);
        return out;
    }

    /** The server's JIT compile time so far, ms: compilations that ended. */
    static long compileMillis(HttpClient http, String base) {
        return ClientSnapshot.parse(Wire.get(http, base + "/bench/jit")).getJsonNumber("compile_ms").longValue();
    }

    /**
     * How long the server's compilers have been busy so far, ms: their threads' CPU time, or where the server cannot
     * read it ({@code -1}), the compile time of compilations that ended.
     */
    static long busyMillis(HttpClient http, String base) {
        jakarta.json.JsonObject jit = ClientSnapshot.parse(Wire.get(http, base + "/bench/jit"));
        long cpu = jit.getJsonNumber("compiler_cpu_ms").longValue();
        return cpu >= 0 ? cpu : jit.getJsonNumber("compile_ms").longValue();
    }
}
