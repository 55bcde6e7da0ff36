package io.diffyne.vdom;

import java.util.List;
import java.util.Map;

/**
 * Heap bytes of the node model's objects as a 64-bit HotSpot JVM with compressed references (heaps under 32 GB) lays
 * them out: 12-byte headers, 4-byte references, 8-byte alignment, strings of one byte per character when every
 * character is Latin-1 (two otherwise). {@link HtmlParser} adds these up as it builds a tree ({@link SizedTree}).
 * Strings are counted as if none were shared (but for the short names and values that {@link PlainMarkup} shares
 * within a tree and counts once), so the sum errs high.
 */
final class TreeHeap {

    private static final int STRING = 24;
    private static final int ARRAY = 16;
    private static final int ELEMENT = 24;
    private static final int LEAF = 16;
    private static final int SMALL_LIST = 24;
    private static final int LIST = 24;

    private TreeHeap() {
    }

    /** An element itself: the record, its tag, its attribute map and its child list (not the children). */
    static long element(String tag, Map<String, String> attributes, List<VNode> children) {
        return element(tag, attributes, children, -1);
    }

    /**
     * As above, but strings of at most {@code sharedUpTo} characters are not counted: the builder shares them
     * across the tree and counts each once ({@link PlainMarkup}'s tokens).
     */
    static long element(String tag, Map<String, String> attributes, List<VNode> children, int sharedUpTo) {
        long bytes = ELEMENT + unshared(tag, sharedUpTo);
        int n = attributes.size();
        if (n > 0) {
            bytes += Attributes.heapBytes(n);
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                bytes += unshared(a.getKey(), sharedUpTo) + unshared(a.getValue(), sharedUpTo);
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

    /** As above, but a string of at most {@code sharedUpTo} characters is not counted (see {@link #element}). */
    static long leaf(String text, int sharedUpTo) {
        return LEAF + unshared(text, sharedUpTo);
    }

    private static long unshared(String s, int sharedUpTo) {
        return s.length() <= sharedUpTo ? 0 : string(s);
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
