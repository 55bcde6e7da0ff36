package io.diffyne.bench.load;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percentiles of a sample of durations (nanoseconds in, microseconds out; nearest-rank). */
final class Stats {

    private Stats() {
    }

    static Map<String, Object> micros(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", sorted.length);
        out.put("p50_us", us(percentile(sorted, 50)));
        out.put("p90_us", us(percentile(sorted, 90)));
        out.put("p99_us", us(percentile(sorted, 99)));
        out.put("max_us", us(sorted[sorted.length - 1]));
        out.put("mean_us", us(Arrays.stream(sorted).sum() / sorted.length));
        return out;
    }

    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double us(long nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }

    static double ratio(double a, double b) {
        return Math.round(a / b * 100.0) / 100.0;
    }
}
