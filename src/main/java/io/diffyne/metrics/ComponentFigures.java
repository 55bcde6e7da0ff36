package io.diffyne.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * The actions of one component type: a latency histogram since start, and the figures of the last closed interval
 * (computed by {@link #close()} from the histogram's growth since the interval before).
 */
final class ComponentFigures {

    private final String name;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LongAdder errors = new LongAdder();
    // written by close() only, under the recorder's interval lock
    private final long[] before = new long[LatencyHistogram.BUCKETS];
    private volatile Interval last = new Interval(0, 0, 0);

    /** The last interval's action count and latencies (µs). */
    record Interval(long actions, long p50Micros, long p99Micros) {
    }

    ComponentFigures(String name) {
        this.name = name;
    }

    void record(long micros, boolean failed) {
        latency.record(micros);
        if (failed) {
            errors.increment();
        }
    }

    /** Closes the interval, with the recorder's two scratch arrays (so a type costs two histograms, not four). */
    void close(long[] now, long[] interval) {
        latency.copyInto(now);
        LatencyHistogram.difference(now, before, interval);
        System.arraycopy(now, 0, before, 0, now.length);
        last = new Interval(LatencyHistogram.total(interval), LatencyHistogram.percentile(interval, 0.5),
                LatencyHistogram.percentile(interval, 0.99));
    }

    ComponentSnapshot snapshot() {
        long[] all = latency.counts();
        Interval recent = last;
        return new ComponentSnapshot(name, LatencyHistogram.total(all), errors.sum(),
                LatencyHistogram.percentile(all, 0.5), LatencyHistogram.percentile(all, 0.99),
                recent.actions(), recent.p50Micros(), recent.p99Micros());
    }
}
