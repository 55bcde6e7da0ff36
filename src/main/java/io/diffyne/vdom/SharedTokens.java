package io.diffyne.vdom;

/**
 * Short strings of parsed markup shared across trees: tag and attribute names, short attribute values and texts
 * ({@code div}, {@code class}, {@code diff:click}, {@code increment}, {@code Reset}) that every render of a component
 * repeats. Each connection keeps its component's last tree, so without this every open page held its own copy of each
 * (about 1 KB of a counter's page, BENCHMARKS.md, Memory). A fixed table of {@link #SLOTS} slots indexed by hash: a
 * string that lands on a taken slot replaces it, so the table never holds more than {@link #SLOTS} strings of at most
 * {@link #MAX_LENGTH} characters, whatever the markup (hostile texts only evict). Racy by design: a slot is read and
 * written without a lock, which is safe for immutable strings (at worst a string is not shared).
 * <p>The trees' heap estimate ({@link TreeHeap}) still counts every distinct token once per tree: sharing only makes
 * the real heap smaller than the bound.
 */
final class SharedTokens {

    static final int MAX_LENGTH = 12;
    static final int SLOTS = 4096;

    private static final String[] TABLE = new String[SLOTS];

    private SharedTokens() {
    }

    /** The instance of {@code s} already shared, or {@code s}, shared from now on (when it is short enough). */
    static String of(String s) {
        if (s.length() > MAX_LENGTH) {
            return s;
        }
        int slot = s.hashCode() & (SLOTS - 1);
        String held = TABLE[slot];
        if (held != null && held.equals(s)) {
            return held;
        }
        TABLE[slot] = s;
        return s;
    }
}
