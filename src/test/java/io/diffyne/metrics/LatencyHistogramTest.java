package io.diffyne.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void smallValuesHaveABucketEach() {
        for (int v = 0; v < 8; v++) {
            assertEquals(v, LatencyHistogram.bucket(v));
            assertEquals(v, LatencyHistogram.middle(v));
        }
        assertEquals(0, LatencyHistogram.bucket(-5));
    }

    @Test
    void bucketsAreContiguousAndEveryValueFallsInsideItsBucket() {
        for (int i = 1; i < LatencyHistogram.BUCKETS; i++) {
            assertTrue(LatencyHistogram.lowerBound(i) > LatencyHistogram.lowerBound(i - 1));
            assertEquals(i, LatencyHistogram.bucket(LatencyHistogram.lowerBound(i)));
            assertEquals(i - 1, LatencyHistogram.bucket(LatencyHistogram.lowerBound(i) - 1));
        }
        assertEquals(LatencyHistogram.BUCKETS - 1, LatencyHistogram.bucket(Long.MAX_VALUE));
        assertEquals(240, LatencyHistogram.BUCKETS);
    }

    @Test
    void percentilesAreWithinOneSubBucket() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 10_000; v++) {
            h.record(v);
        }
        long[] counts = h.counts();
        assertEquals(10_000, LatencyHistogram.total(counts));
        assertWithin(5_000, LatencyHistogram.percentile(counts, 0.5));
        assertWithin(9_900, LatencyHistogram.percentile(counts, 0.99));
        assertWithin(10_000, LatencyHistogram.percentile(counts, 1.0));
    }

    @Test
    void aSkewedDistributionReportsItsTail() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 980; i++) {
            h.record(200);
        }
        for (int i = 0; i < 20; i++) {
            h.record(50_000);
        }
        long[] counts = h.counts();
        assertWithin(200, LatencyHistogram.percentile(counts, 0.5));
        assertWithin(50_000, LatencyHistogram.percentile(counts, 0.99));
    }

    @Test
    void emptyIsZeroAndBadQuantilesAreRefused() {
        long[] none = new long[LatencyHistogram.BUCKETS];
        assertEquals(0, LatencyHistogram.percentile(none, 0.99));
        assertThrows(IllegalArgumentException.class, () -> LatencyHistogram.percentile(none, 0));
        assertThrows(IllegalArgumentException.class, () -> LatencyHistogram.percentile(none, 1.5));
    }

    @Test
    void aDifferenceIsTheIntervalsOwnDistribution() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(100);
        long[] before = h.counts();
        h.record(3_000);
        h.record(3_000);
        long[] interval = new long[LatencyHistogram.BUCKETS];
        LatencyHistogram.difference(h.counts(), before, interval);
        assertEquals(2, LatencyHistogram.total(interval));
        assertWithin(3_000, LatencyHistogram.percentile(interval, 0.5));
    }

    private static void assertWithin(long expected, long actual) {
        assertTrue(Math.abs(actual - expected) <= expected / 16 + 1,
                () -> "expected about " + expected + " (±6.25 %), got " + actual);
    }
}
