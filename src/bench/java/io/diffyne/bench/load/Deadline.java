package io.diffyne.bench.load;

import java.time.Duration;

/** A point in time every loop checks, so no phase can run away. */
record Deadline(long atNanos) {

    static Deadline in(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    boolean passed() {
        return System.nanoTime() - atNanos > 0;
    }

    long leftMillis() {
        return Math.max(0, (atNanos - System.nanoTime()) / 1_000_000);
    }

    void check(String what) {
        BenchFailure.check(!passed(), what + " ran out of time");
    }
}
