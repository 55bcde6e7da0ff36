package io.diffyne.state;

/**
 * Estimates the heap a state's {@code JsonObject} holds from its canonical JSON text alone, in one scan of bytes that
 * signing produced anyway ({@link SnapshotSigner#signMeasured}): each structural token costs what the JSON-P objects
 * behind it cost on a 64-bit JVM with compressed references (an object its map and table, a member its map entry, a
 * string its wrapper, {@code String} and array, a number its wrapper), string contents one byte per character (two
 * when a character is beyond Latin-1), an integer less than a number with a fraction (no {@code BigDecimal}). Keys
 * are counted like strings although a state's keys are shared field names, so the sum errs high: measured on Parsson
 * (the provider in Payara), the real heap is 0.5 to 1 times it ({@code HeapEstimateTest}).
 */
public final class StateHeap {

    /** The object and its map; {@link #TABLE} more once it has a member. */
    private static final int OBJECT = 88;
    private static final int TABLE = 80;
    private static final int MEMBER = 48;
    private static final int ARRAY = 64;
    private static final int SLOT = 8;
    /** Half a string: wrapper, {@code String} and its array header, charged at each of its two quotes. */
    private static final int QUOTE = 32;
    /**
     * An integer that fits a {@code long}: Parsson's long number (the values are read without asking for their
     * {@code BigDecimal}, which it would keep: {@code WholeNumbers}).
     */
    private static final int INTEGER = 32;
    /** More for a number with a fraction or exponent, or too long for a {@code long}: it holds a {@code BigDecimal}. */
    private static final int DECIMAL = 40;
    /** Digits a {@code long} always holds. */
    private static final int LONG_DIGITS = 18;

    private StateHeap() {
    }

    /** Estimated heap bytes of the JSON value written canonically as UTF-8 in {@code json[from, to)}. */
    public static long estimate(byte[] json, int from, int to) {
        long bytes = 0;
        boolean inString = false;
        boolean escaped = false;
        boolean wide = false;
        boolean inNumber = false;
        boolean decimal = false;
        int digits = 0;
        long content = 0;
        for (int i = from; i < to; i++) {
            int b = json[i] & 0xFF;
            if (inString) {
                if (escaped) {
                    escaped = false;
                    content++;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                    bytes += QUOTE + (wide ? 2 * content : content);
                } else if (b < 0x80 || b >= 0xC0) {
                    // one character starts here (continuation bytes 0x80-0xBF do not); 0xC4 and up is beyond Latin-1
                    content++;
                    wide |= b >= 0xC4;
                }
                continue;
            }
            boolean digit = (b >= '0' && b <= '9') || b == '-';
            if (digit && !inNumber) {
                bytes += INTEGER;
                decimal = false;
                digits = 0;
            }
            boolean fraction = inNumber && (b == '.' || b == 'e' || b == 'E' || b == '+');
            inNumber = digit || fraction;
            if (inNumber && !decimal && (fraction || ++digits > LONG_DIGITS)) {
                bytes += DECIMAL;
                decimal = true;
            }
            switch (b) {
                case '"' -> {
                    inString = true;
                    wide = false;
                    content = 0;
                    bytes += QUOTE;
                }
                case '{' -> bytes += i + 1 < to && json[i + 1] == '}' ? OBJECT : OBJECT + TABLE;
                case ':' -> bytes += MEMBER;
                case '[' -> bytes += ARRAY + SLOT;
                case ',' -> bytes += SLOT;
                default -> {
                    if (inNumber) {
                        bytes++;
                    }
                }
            }
        }
        return bytes;
    }
}
