package io.diffyne.diff;

import io.diffyne.vdom.VComment;
import io.diffyne.vdom.VElement;
import io.diffyne.vdom.VNode;
import io.diffyne.vdom.VText;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs old children with new ones; a paired child is kept (and diffed), an unpaired old one removed, an unpaired
 * new one created. Keyed and unkeyed children never pair with each other, so mixed lists neither duplicate nor lose
 * anything.
 *
 * <ul>
 *   <li>Keyed: a new child takes the first unpaired old child with the same {@code diff:key}. Duplicate keys are
 *       tolerated: the surplus is created or removed.</li>
 *   <li>Unkeyed: index-wise, anchored on compatible nodes (same tag, or both text, or both comments). Siblings of
 *       one tag, the usual list, pair exactly index-wise: changes cascade and the tail grows or shrinks. When the
 *       tags differ, a longest common subsequence of compatible nodes stays paired and only the gaps between them
 *       pair index-wise, so a conditional {@code <p class="error">} appearing before a {@code <form>} is one
 *       {@code c} patch, not a replaced form that loses the user's focus and input.</li>
 * </ul>
 */
final class ChildPairing {

    /** Above this many cells the common-subsequence table costs more than it saves: pair index-wise. */
    private static final long MAX_TABLE_CELLS = 250_000;

    private ChildPairing() {
    }

    /** For each new child, the index of its old partner, or -1 when it must be created. */
    static int[] pair(List<VNode> from, List<VNode> to) {
        int[] aligned = aligned(from, to);
        return aligned != null ? aligned : pairInGeneral(from, to);
    }

    /**
     * The pairing when the shorter list is an aligned prefix of the longer one (child {@code i} of each has the same
     * key, and unkeyed ones are compatible): the same result as {@link #pairInGeneral}, child {@code i} with child
     * {@code i} and the longer list's tail created or removed, without its key table, arrays and subsequence. An
     * unchanged list, a changed text inside it and an item appended or removed at the end are all this case.
     * Null when it is not.
     */
    static int[] aligned(List<VNode> from, List<VNode> to) {
        int common = Math.min(from.size(), to.size());
        for (int i = 0; i < common; i++) {
            VNode a = from.get(i);
            VNode b = to.get(i);
            String key = a.key();
            if (key == null ? b.key() != null || !compatible(a, b) : !key.equals(b.key())) {
                return null;
            }
        }
        int[] pairOfNew = new int[to.size()];
        for (int j = 0; j < pairOfNew.length; j++) {
            pairOfNew[j] = j < common ? j : -1;
        }
        return pairOfNew;
    }

    /** The pairing by key table and unkeyed anchors, for any two lists. */
    static int[] pairInGeneral(List<VNode> from, List<VNode> to) {
        Map<String, ArrayDeque<Integer>> oldByKey = null;
        int[] unkeyedOld = new int[from.size()];
        int unkeyedOldCount = 0;
        for (int i = 0; i < from.size(); i++) {
            String key = from.get(i).key();
            if (key == null) {
                unkeyedOld[unkeyedOldCount++] = i;
            } else {
                if (oldByKey == null) {
                    oldByKey = new HashMap<>();
                }
                oldByKey.computeIfAbsent(key, k -> new ArrayDeque<>(1)).add(i);
            }
        }
        int[] pairOfNew = new int[to.size()];
        Arrays.fill(pairOfNew, -1);
        int[] unkeyedNew = new int[to.size()];
        int unkeyedNewCount = 0;
        for (int j = 0; j < to.size(); j++) {
            String key = to.get(j).key();
            if (key == null) {
                unkeyedNew[unkeyedNewCount++] = j;
            } else if (oldByKey != null) {
                ArrayDeque<Integer> candidates = oldByKey.get(key);
                if (candidates != null && !candidates.isEmpty()) {
                    pairOfNew[j] = candidates.poll();
                }
            }
        }
        pairUnkeyed(from, to, Arrays.copyOf(unkeyedOld, unkeyedOldCount), Arrays.copyOf(unkeyedNew, unkeyedNewCount),
                pairOfNew);
        return pairOfNew;
    }

    private static void pairUnkeyed(List<VNode> from, List<VNode> to, int[] olds, int[] news, int[] pairOfNew) {
        int oldEnd = olds.length;
        int newEnd = news.length;
        int start = 0;
        // Common prefix and suffix of compatible nodes: the whole job for same-tag lists.
        while (start < oldEnd && start < newEnd && compatible(from.get(olds[start]), to.get(news[start]))) {
            pairOfNew[news[start]] = olds[start];
            start++;
        }
        while (oldEnd > start && newEnd > start
                && compatible(from.get(olds[oldEnd - 1]), to.get(news[newEnd - 1]))) {
            pairOfNew[news[--newEnd]] = olds[--oldEnd];
        }
        int oldCount = oldEnd - start;
        int newCount = newEnd - start;
        if (oldCount == 0 || newCount == 0) {
            return;
        }
        if ((long) oldCount * newCount > MAX_TABLE_CELLS) {
            pairGap(olds, start, oldEnd, news, start, newEnd, pairOfNew);
            return;
        }
        // lengths[i][j]: longest common subsequence of compatible nodes of olds[start+i..] and news[start+j..].
        int[][] lengths = new int[oldCount + 1][newCount + 1];
        for (int i = oldCount - 1; i >= 0; i--) {
            for (int j = newCount - 1; j >= 0; j--) {
                lengths[i][j] = compatible(from.get(olds[start + i]), to.get(news[start + j]))
                        ? lengths[i + 1][j + 1] + 1
                        : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        int gapOld = 0;
        int gapNew = 0;
        while (i < oldCount && j < newCount) {
            if (compatible(from.get(olds[start + i]), to.get(news[start + j]))
                    && lengths[i][j] == lengths[i + 1][j + 1] + 1) {
                pairGap(olds, start + gapOld, start + i, news, start + gapNew, start + j, pairOfNew);
                pairOfNew[news[start + j]] = olds[start + i];
                gapOld = ++i;
                gapNew = ++j;
            } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        pairGap(olds, start + gapOld, oldEnd, news, start + gapNew, newEnd, pairOfNew);
    }

    /** Between two anchors, what is left pairs index-wise (a tag change there becomes a replace). */
    private static void pairGap(int[] olds, int oldFrom, int oldTo, int[] news, int newFrom, int newTo,
            int[] pairOfNew) {
        for (int i = oldFrom, j = newFrom; i < oldTo && j < newTo; i++, j++) {
            pairOfNew[news[j]] = olds[i];
        }
    }

    static boolean compatible(VNode a, VNode b) {
        if (a instanceof VElement x && b instanceof VElement y) {
            return x.tag().equals(y.tag());
        }
        return (a instanceof VText && b instanceof VText) || (a instanceof VComment && b instanceof VComment);
    }
}
