package io.diffyne.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.diffyne.metrics.Metrics;
import io.diffyne.metrics.Sample;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChartsTest {

    private static Sample actions(double perSecond) {
        return new Sample(0, perSecond, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void theNewestSampleIsAtTheRightEdgeAndTheMaximumAtTheTop() {
        String d = Charts.path(List.of(actions(0), actions(5), actions(10)), Sample::actionsPerSecond);
        double step = 300.0 / (Metrics.HISTORY - 1);
        assertEquals(String.format(java.util.Locale.ROOT, "M%.1f,35.0L%.1f,18.0L300.0,1.0",
                (Metrics.HISTORY - 3) * step, (Metrics.HISTORY - 2) * step), d);
    }

    @Test
    void flatZeroSitsOnTheBottomAndTooFewSamplesDrawNothing() {
        assertEquals("", Charts.path(List.of(actions(3)), Sample::actionsPerSecond));
        String d = Charts.path(List.of(actions(0), actions(0)), Sample::actionsPerSecond);
        assertEquals(String.format(java.util.Locale.ROOT, "M%.1f,35.0L300.0,35.0",
                (Metrics.HISTORY - 2) * 300.0 / (Metrics.HISTORY - 1)), d);
    }

    @Test
    void formatsReadAsPeopleReadThem() {
        assertEquals("850 µs", Format.micros(850));
        assertEquals("2.4 ms", Format.micros(2_400));
        assertEquals("1.50 s", Format.micros(1_500_000));
        assertEquals("12 MB", Format.bytes(12L << 20));
        assertEquals("0.5/s", Format.rate(0.5));
        assertEquals("90 s", Format.duration(90));
        assertEquals("5 min", Format.duration(300));
        assertEquals("2.0 h", Format.duration(7_200));
    }
}
