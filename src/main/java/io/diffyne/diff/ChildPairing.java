package io.diffyne.diff;

import io.diffyne.vdom.VNode;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs old children with new ones: a keyed new child with the first unpaired old child of the same
 * {@code diff:key}; the n-th unkeyed new child with the n-th unkeyed old child. Keyed and unkeyed children never
 * pair with each other, so mixed lists neither duplicate nor lose anything. Duplicate keys are tolerated: the
 * surplus is created or removed.
 */
final class ChildPairing {

    private ChildPairing() {
    }

    /** For each new child, the index of its old partner, or -1 when it must be created. */
    static int[] pair(List<VNode> from, List<VNode> to) {
        Map<String, ArrayDeque<Integer>> oldByKey = null;
        int[] unkeyedOld = new int[from.size()];
        int unkeyedCount = 0;
        for (int i = 0; i < from.size(); i++) {
            String key = from.get(i).key();
            if (key == null) {
                unkeyedOld[unkeyedCount++] = i;
            } else {
                if (oldByKey == null) {
                    oldByKey = new HashMap<>();
                }
                oldByKey.computeIfAbsent(key, k -> new ArrayDeque<>(1)).add(i);
            }
        }
        int[] pairOfNew = new int[to.size()];
        Arrays.fill(pairOfNew, -1);
        int nextUnkeyed = 0;
        for (int j = 0; j < to.size(); j++) {
            String key = to.get(j).key();
            if (key == null) {
                if (nextUnkeyed < unkeyedCount) {
                    pairOfNew[j] = unkeyedOld[nextUnkeyed++];
                }
            } else if (oldByKey != null) {
                ArrayDeque<Integer> candidates = oldByKey.get(key);
                if (candidates != null && !candidates.isEmpty()) {
                    pairOfNew[j] = candidates.poll();
                }
            }
        }
        return pairOfNew;
    }
}
