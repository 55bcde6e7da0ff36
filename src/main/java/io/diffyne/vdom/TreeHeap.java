package io.diffyne.vdom;

import java.util.List;
import java.util.Map;

/**
 * Heap bytes of the node model's objects as a 64-bit HotSpot JVM with compressed references (heaps under 32 GB) lays
 * them out: 12-byte headers, 4-byte references, 8-byte alignment, strings of one byte per character when every
 * character is Latin-1 (two otherwise). {@link HtmlParser} adds these up as it builds a tree ({@link SizedTree}).
 * Strings are counted as if none were shared, so the sum errs high.
 */
final class TreeHeap {

    private static final int STRING = 24;
    private static final int ARRAY = 16;
    private static final int ELEMENT = 24;
    private static final int LEAF = 16;
    /** {@code Collections.unmodifiableMap} around a {@code LinkedHashMap}, as {@link VElement} keeps attributes. */
    private static final int ATTRIBUTE_MAP = 32 + 56;
    private static final int MAP_ENTRY = 40;
    private static final int SMALL_LIST = 24;
    private static final int LIST = 24;

    private TreeHeap() {
    }

    /** An element itself: the record, its tag, its attribute map and its child list (not the children). */
    static long element(String tag, Map<String, String> attributes, List<VNode> children) {
        long bytes = ELEMENT + string(tag);
        int n = attributes.size();
        if (n > 0) {
            // new LinkedHashMap<>(map) on JDK 17 sizes its table to the power of two at or above n / 0.75 + 1
            int wanted = (int) (n / 0.75f + 1.0f);
            int table = wanted <= 1 ? 1 : Integer.highestOneBit(wanted - 1) << 1;
            bytes += ATTRIBUTE_MAP + align(ARRAY + 4L * table) + (long) n * MAP_ENTRY;
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                bytes += string(a.getKey()) + string(a.getValue());
            }
        }
        int c = children.size();
        if (c > 2) {
            bytes += LIST + align(ARRAY + 4L * c);
        } else if (c > 0) {
            bytes += SMALL_LIST;
        }
        return bytes;
    }

    /** A text or comment node with its string. */
    static long leaf(String text) {
        return LEAF + string(text);
    }

    static long string(String s) {
        int length = s.length();
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) > 0xFF) {
                return STRING + align(ARRAY + 2L * length);
            }
        }
        return STRING + align(ARRAY + (long) length);
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
