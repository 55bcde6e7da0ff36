package io.diffyne.bench.load;

/** A check that failed: the run stops, since a wrong answer is an error, never a data point. */
final class BenchFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BenchFailure(String message) {
        super(message);
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new BenchFailure(message);
        }
    }
}
