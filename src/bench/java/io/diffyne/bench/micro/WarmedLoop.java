package io.diffyne.bench.micro;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A careful warmed loop instead of JMH (which is not in the local repository): a warm-up of fixed length, then
 * several timed rounds of fixed length; the figure is the median round's nanoseconds per operation, the spread the
 * lowest and highest rounds. Results feed a sink so the JIT cannot drop the work.
 */
final class WarmedLoop {

    private static volatile int sink;

    private final long warmupNanos;
    private final long roundNanos;
    private final int rounds;

    WarmedLoop(long warmupMillis, long roundMillis, int rounds) {
        this.warmupNanos = warmupMillis * 1_000_000;
        this.roundNanos = roundMillis * 1_000_000;
        this.rounds = rounds;
    }

    Map<String, Object> run(Supplier<?> op) {
        long end = System.nanoTime() + warmupNanos;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 64; i++) {
                sink += System.identityHashCode(op.get());
            }
        }
        double[] nsPerOp = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long ops = 0;
            long start = System.nanoTime();
            long stop = start + roundNanos;
            long now;
            do {
                for (int i = 0; i < 16; i++) {
                    sink += System.identityHashCode(op.get());
                }
                ops += 16;
                now = System.nanoTime();
            } while (now < stop && ops < 50_000_000);
            nsPerOp[r] = (double) (now - start) / ops;
        }
        Arrays.sort(nsPerOp);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("us_per_op", round(nsPerOp[rounds / 2] / 1000));
        out.put("min_us", round(nsPerOp[0] / 1000));
        out.put("max_us", round(nsPerOp[rounds - 1] / 1000));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
