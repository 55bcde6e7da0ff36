package io.diffyne.metrics;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Durations in microseconds, counted in fixed log-linear buckets: 0–7 µs one bucket each, then every power of two
 * split into 8 equal sub-buckets, up to 2^32 µs (71 minutes; longer goes in the last bucket). So a percentile is off
 * by at most one sub-bucket, 12.5 % of the value (6.25 % from its middle), and a histogram is 240 longs whatever it
 * counts. Recording is one atomic increment of an {@link AtomicLongArray} slot: no lock, no allocation.
 */
public final class LatencyHistogram {

    static final int SUB_BITS = 3;
    static final int SUB = 1 << SUB_BITS;
    static final int MAX_EXPONENT = 32;
    /** Buckets 0..7 for 0..7 µs, then 8 per exponent 3..31. */
    public static final int BUCKETS = SUB + (MAX_EXPONENT - SUB_BITS) * SUB;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    public void record(long micros) {
        counts.getAndIncrement(bucket(micros));
    }

    /** A copy of every bucket's count, for percentiles over an interval (subtract an earlier copy). */
    public long[] counts() {
        long[] copy = new long[BUCKETS];
        copyInto(copy);
        return copy;
    }

    public void copyInto(long[] into) {
        for (int i = 0; i < BUCKETS; i++) {
            into[i] = counts.get(i);
        }
    }

    static int bucket(long micros) {
        if (micros < SUB) {
            return (int) Math.max(0, micros);
        }
        int exponent = 63 - Long.numberOfLeadingZeros(micros);
        if (exponent >= MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int sub = (int) (micros >>> (exponent - SUB_BITS)) & (SUB - 1);
        return SUB + (exponent - SUB_BITS) * SUB + sub;
    }

    /** The smallest value of bucket {@code index}. */
    static long lowerBound(int index) {
        if (index < SUB) {
            return index;
        }
        int exponent = (index - SUB) / SUB + SUB_BITS;
        int sub = (index - SUB) % SUB;
        return (1L << exponent) + ((long) sub << (exponent - SUB_BITS));
    }

    /** The middle of bucket {@code index}, the value a percentile reports. */
    static long middle(int index) {
        if (index < SUB) {
            return index;
        }
        int exponent = (index - SUB) / SUB + SUB_BITS;
        return lowerBound(index) + (1L << (exponent - SUB_BITS)) / 2;
    }

    /** The sum of {@code counts}. */
    public static long total(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /**
     * The {@code quantile} (0 < q ≤ 1) of the durations counted in {@code counts}, in microseconds: the middle of the
     * bucket holding the value of rank ⌈q·n⌉; 0 when nothing was counted.
     */
    public static long percentile(long[] counts, double quantile) {
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1]: " + quantile);
        }
        long total = total(counts);
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return middle(i);
            }
        }
        return middle(counts.length - 1);
    }

    /** {@code now - before}, bucket by bucket, into {@code into}. */
    public static void difference(long[] now, long[] before, long[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = now[i] - before[i];
        }
    }
}
