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

    /**
     * A check whose message shows what was received: built only when the check fails. Built eagerly, it serialized
     * every answer's JSON again on every action, work the echo's checks never do, on the cores the server shares.
     */
    static void check(boolean ok, java.util.function.Supplier<String> message) {
        if (!ok) {
            throw new BenchFailure(message.get());
        }
    }
}
