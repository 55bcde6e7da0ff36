package io.diffyne.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.vdom.VElement;
import io.diffyne.vdom.VNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The aligned pairing is a shortcut: wherever it applies, it pairs exactly as the general one does. */
class ChildPairingProperties {

    @Property(tries = 2000)
    void theAlignedPairingAgreesWithTheGeneralOneOnRandomEdits(@ForAll long seed) {
        RandomTrees trees = new RandomTrees(seed);
        VElement a = trees.tree();
        VNode b = trees.mutate(a, 0);
        compareEverywhere(a, b, seed);
    }

    @Property(tries = 2000)
    void appendingOrDroppingAtTheEndIsAlignedAndAgrees(@ForAll long seed) {
        RandomTrees trees = new RandomTrees(seed);
        VElement a = trees.tree();
        List<VNode> children = new ArrayList<>();
        for (VNode child : a.children()) {
            // a changed text or attribute inside keeps the list aligned; its shape stays
            children.add(child instanceof VElement e && trees.random().nextBoolean()
                    ? new VElement(e.tag(), e.attributes(), List.of()) : child);
        }
        if (!children.isEmpty() && trees.random().nextBoolean()) {
            children.subList(trees.random().nextInt(children.size()), children.size()).clear();
        } else {
            for (int i = trees.random().nextInt(4); i > 0; i--) {
                children.add(trees.node(1));
            }
        }
        List<VNode> from = a.children();

        int[] aligned = ChildPairing.aligned(from, children);

        assertNotNull(aligned, () -> "seed " + seed + ": not aligned");
        assertArrayEquals(ChildPairing.pairInGeneral(from, children), aligned, () -> "seed " + seed);
    }

    /** Every pair of child lists the differ would compare, aligned or not; at least the root's is compared. */
    private static void compareEverywhere(VNode a, VNode b, long seed) {
        if (!(a instanceof VElement x) || !(b instanceof VElement y) || !x.tag().equals(y.tag())) {
            return;
        }
        int[] aligned = ChildPairing.aligned(x.children(), y.children());
        int[] general = ChildPairing.pairInGeneral(x.children(), y.children());
        assertTrue(aligned == null || Arrays.equals(aligned, general), () -> "seed " + seed
                + ": aligned " + Arrays.toString(aligned) + ", general " + Arrays.toString(general));
        int[] pairs = ChildPairing.pair(x.children(), y.children());
        assertArrayEquals(general, pairs, () -> "seed " + seed);
        for (int j = 0; j < pairs.length; j++) {
            if (pairs[j] >= 0) {
                compareEverywhere(x.children().get(pairs[j]), y.children().get(j), seed);
            }
        }
    }
}
