package io.diffyne.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} samples, oldest first: a fixed array written round, so the history is bounded whatever
 * the uptime. Written once per interval by whoever closes it and read by the dashboard; both are rare, so a monitor
 * is enough.
 *
 * @param <T> a sample
 */
public final class SampleRing<T> {

    private final Object[] slots;
    private int next;
    private int size;

    public SampleRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        slots = new Object[capacity];
    }

    public synchronized void add(T sample) {
        slots[next] = sample;
        next = (next + 1) % slots.length;
        size = Math.min(size + 1, slots.length);
    }

    /** Every sample held, oldest first. */
    @SuppressWarnings("unchecked")
    public synchronized List<T> samples() {
        List<T> out = new ArrayList<>(size);
        int start = (next - size + slots.length) % slots.length;
        for (int i = 0; i < size; i++) {
            out.add((T) slots[(start + i) % slots.length]);
        }
        return out;
    }

    public int capacity() {
        return slots.length;
    }
}
