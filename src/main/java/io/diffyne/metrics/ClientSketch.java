package io.diffyne.metrics;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * About how many distinct clients were seen in a window, in 512 bytes whatever their number: each client id sets one
 * bit of a 4096-bit map chosen by its hash, and the count is estimated from the bits still clear (linear counting,
 * within a few percent up to a few thousand clients; beyond that it saturates at {@link #MAX_ESTIMATE}). Two maps
 * take turns: the current window's and the one before, so "the last minute" is always a whole window.
 */
final class ClientSketch {

    static final int BITS = 4096;
    static final long MAX_ESTIMATE = 30_000;

    private final AtomicLongArray current = new AtomicLongArray(BITS / 64);
    private final AtomicLongArray previous = new AtomicLongArray(BITS / 64);

    void seen(String clientId) {
        if (clientId == null) {
            return;
        }
        int h = mix(clientId.hashCode()) & (BITS - 1);
        long bit = 1L << (h & 63);
        int word = h >>> 6;
        long old = current.get(word);
        if ((old & bit) == 0) {
            current.getAndUpdate(word, w -> w | bit);
        }
    }

    /** Closes the window: the current map becomes the previous one. Called by one thread at a time. */
    void roll() {
        for (int i = 0; i < current.length(); i++) {
            previous.set(i, current.getAndSet(i, 0));
        }
    }

    /** Distinct clients in the window before the current one, together with the current one so far. */
    long estimate() {
        int zeros = 0;
        for (int i = 0; i < current.length(); i++) {
            zeros += 64 - Long.bitCount(current.get(i) | previous.get(i));
        }
        if (zeros == 0) {
            return MAX_ESTIMATE;
        }
        return Math.min(MAX_ESTIMATE, Math.round(-BITS * Math.log((double) zeros / BITS)));
    }

    /** Spreads the string hash's bits (the low bits of similar ids are alike). */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
