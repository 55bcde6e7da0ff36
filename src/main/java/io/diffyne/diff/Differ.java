package io.diffyne.diff;

import io.diffyne.vdom.VComment;
import io.diffyne.vdom.VElement;
import io.diffyne.vdom.VNode;
import io.diffyne.vdom.VText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes the patches that turn one tree into another. The output is meant to be small (bytes are the product):
 * one changed counter is one {@code t} patch, one item appended to a keyed list is one {@code c} patch.
 *
 * <p>Rules, per node pair: same kind and tag → an {@code a} patch with only the changed and removed attribute
 * names, then the children; different kind or tag → {@code R}; changed text or comment data → {@code t}.
 *
 * <p>Children, in four phases whose patches each address the live tree:
 * <ol>
 *   <li>pair old and new children: keyed ones by {@code diff:key}, unkeyed ones index-wise among the unkeyed;</li>
 *   <li>remove the unpaired old children, last first (so each index is still the old one);</li>
 *   <li>move the paired children into their new order with one {@code o} patch, keeping a longest increasing
 *       subsequence in place so that as few children as possible move;</li>
 *   <li>create the unpaired new children at their final indices, left to right, then diff each pair in place.</li>
 * </ol>
 * Unkeyed lists therefore change index-wise with removals and creations at the tail, never with moves.
 *
 * <p>Thread-safe: each call works on its own state.
 */
public final class Differ {

    private final List<Patch> patches = new ArrayList<>();
    private int[] path = new int[16];
    private int depth;

    private Differ() {
    }

    /** The patches that turn {@code from} into {@code to}, to be applied in order; empty when the trees are equal. */
    public static List<Patch> diff(VNode from, VNode to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Differ differ = new Differ();
        differ.node(from, to);
        return List.copyOf(differ.patches);
    }

    private void node(VNode from, VNode to) {
        if (from == to) {
            return;
        }
        if (from instanceof VElement a && to instanceof VElement b && a.tag().equals(b.tag())) {
            attributes(a.attributes(), b.attributes());
            children(a.children(), b.children());
        } else if (from instanceof VText a && to instanceof VText b) {
            if (!a.text().equals(b.text())) {
                patches.add(new Patch.Text(currentPath(), b.text()));
            }
        } else if (from instanceof VComment a && to instanceof VComment b) {
            if (!a.text().equals(b.text())) {
                patches.add(new Patch.Text(currentPath(), b.text()));
            }
        } else {
            patches.add(new Patch.Replace(currentPath(), to));
        }
    }

    private void attributes(Map<String, String> from, Map<String, String> to) {
        if (from.equals(to)) {
            return;
        }
        Map<String, String> set = new LinkedHashMap<>();
        for (Map.Entry<String, String> attribute : to.entrySet()) {
            if (!attribute.getValue().equals(from.get(attribute.getKey()))) {
                set.put(attribute.getKey(), attribute.getValue());
            }
        }
        List<String> remove = new ArrayList<>();
        for (String name : from.keySet()) {
            if (!to.containsKey(name)) {
                remove.add(name);
            }
        }
        patches.add(new Patch.Attributes(currentPath(), set, remove));
    }

    private void children(List<VNode> from, List<VNode> to) {
        if (from.isEmpty() && to.isEmpty()) {
            return;
        }
        int[] pairOfNew = ChildPairing.pair(from, to);
        boolean[] kept = new boolean[from.size()];
        int keptCount = 0;
        for (int oldIndex : pairOfNew) {
            if (oldIndex >= 0) {
                kept[oldIndex] = true;
                keptCount++;
            }
        }
        for (int i = from.size() - 1; i >= 0; i--) {
            if (!kept[i]) {
                patches.add(new Patch.Remove(childPath(i)));
            }
        }
        moves(pairOfNew, keptCount);
        int firstKept = 0;
        while (firstKept < to.size() && pairOfNew[firstKept] < 0) {
            firstKept++;
        }
        for (int j = 0; j < to.size(); j++) {
            if (pairOfNew[j] < 0) {
                // the live child before index j (each index below j already holds its new node: created ones in
                // their new form, kept ones still in their old), or at 0 the first kept child
                int s = j > 0 ? j - 1 : firstKept;
                VNode copyOf = s >= to.size() ? null : pairOfNew[s] >= 0 ? from.get(pairOfNew[s]) : to.get(s);
                patches.add(new Patch.Create(childPath(j), to.get(j), copyOf));
            }
        }
        for (int j = 0; j < to.size(); j++) {
            if (pairOfNew[j] >= 0) {
                push(j);
                node(from.get(pairOfNew[j]), to.get(j));
                depth--;
            }
        }
    }

    /**
     * Reorders the kept children (now in old order, indices 0..keptCount-1) into new order. Walking the new order
     * from the end, a child outside the longest increasing subsequence is put right before its successor; children
     * in the subsequence never move, and each step is recorded in live indices.
     */
    private void moves(int[] pairOfNew, int keptCount) {
        int[] order = new int[keptCount];
        int q = 0;
        boolean inOrder = true;
        for (int oldIndex : pairOfNew) {
            if (oldIndex >= 0) {
                inOrder &= q == 0 || order[q - 1] < oldIndex;
                order[q++] = oldIndex;
            }
        }
        if (inOrder) {
            return; // the whole order is its own longest increasing subsequence: nothing moves
        }
        boolean[] stays = LongestIncreasingSubsequence.mark(order);
        int[] live = order.clone();
        Arrays.sort(live);
        List<Patch.Move.Step> steps = new ArrayList<>();
        int anchor = -1;
        for (q = keptCount - 1; q >= 0; q--) {
            int child = order[q];
            if (!stays[q]) {
                int from = indexOf(live, child);
                System.arraycopy(live, from + 1, live, from, keptCount - from - 1);
                int to = anchor < 0 ? keptCount - 1 : indexOf(live, anchor);
                System.arraycopy(live, to, live, to + 1, keptCount - to - 1);
                live[to] = child;
                if (from != to) {
                    steps.add(new Patch.Move.Step(from, to));
                }
            }
            anchor = child;
        }
        if (!steps.isEmpty()) {
            patches.add(new Patch.Move(currentPath(), steps));
        }
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalStateException("child " + value + " is not in the live list");
    }

    private void push(int index) {
        if (depth == path.length) {
            path = Arrays.copyOf(path, depth * 2);
        }
        path[depth++] = index;
    }

    private List<Integer> currentPath() {
        Integer[] boxed = new Integer[depth];
        for (int i = 0; i < depth; i++) {
            boxed[i] = path[i];
        }
        return List.of(boxed);
    }

    private List<Integer> childPath(int index) {
        push(index);
        List<Integer> result = currentPath();
        depth--;
        return result;
    }
}
