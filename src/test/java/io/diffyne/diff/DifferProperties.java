package io.diffyne.diff;

import io.diffyne.testing.wire.PatchApplier;
import io.diffyne.testing.wire.PatchJson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.protocol.PatchWriter;
import io.diffyne.vdom.VElement;
import io.diffyne.vdom.VNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The correctness oracle of protocol.md section 5: applying diff(a, b) to a yields b, for any trees. */
class DifferProperties {

    @Property(tries = 3000)
    void patchesTurnTheOldTreeIntoTheNewOne(@ForAll long seed) {
        RandomTrees trees = new RandomTrees(seed);
        VElement a = trees.tree();
        VNode b = trees.random().nextInt(8) == 0 ? trees.tree() : trees.mutate(a, 0);

        List<Patch> patches = Differ.diff(a, b);

        assertEquals(b, PatchApplier.apply(patches, a), () -> "seed " + seed + ": " + PatchWriter.toJson(patches));
        for (Patch patch : patches) {
            if (patch instanceof Patch.Move move) {
                move.moves().forEach(step -> assertNotEquals(step.from(), step.to(), "no-op move step"));
            }
        }
    }

    @Property(tries = 1000)
    void patchesSurviveTheWireUnchanged(@ForAll long seed) {
        RandomTrees trees = new RandomTrees(seed);
        VElement a = trees.tree();
        VNode b = trees.mutate(a, 0);
        List<Patch> patches = Differ.diff(a, b);

        List<Patch> received = PatchJson.read(PatchWriter.toJson(patches));

        assertEquals(patches, received);
        assertEquals(b, PatchApplier.apply(received, a));
    }

    @Property(tries = 1000)
    void aTreeDiffedWithItselfGivesNoPatches(@ForAll long seed) {
        VElement a = new RandomTrees(seed).tree();
        VElement copy = new RandomTrees(seed).tree();

        assertEquals(List.of(), Differ.diff(a, copy));
    }

    @Property(tries = 1000)
    void shufflingAKeyedListIsOneMoveWithTheFewestSteps(@ForAll long seed) {
        RandomTrees trees = new RandomTrees(seed);
        List<VNode> items = new ArrayList<>();
        int size = 1 + trees.random().nextInt(30);
        for (int i = 0; i < size; i++) {
            items.add(new VElement("li", java.util.Map.of(VNode.KEY_ATTRIBUTE, "k" + i), List.of()));
        }
        List<VNode> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, trees.random());
        VElement a = new VElement("ul", items);
        VElement b = new VElement("ul", shuffled);

        List<Patch> patches = Differ.diff(a, b);

        int[] order = shuffled.stream().mapToInt(item -> Integer.parseInt(item.key().substring(1))).toArray();
        int stay = 0;
        for (boolean kept : LongestIncreasingSubsequence.mark(order)) {
            stay += kept ? 1 : 0;
        }
        int steps = patches.isEmpty() ? 0 : ((Patch.Move) patches.get(0)).moves().size();
        assertTrue(patches.size() <= 1);
        assertEquals(size - stay, steps);
        assertEquals(b, PatchApplier.apply(patches, a));
    }
}
