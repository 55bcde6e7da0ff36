package io.diffyne.dashboard;

import static io.diffyne.dashboard.InstanceFiguresTest.figures;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The instances heard over the bus: this one first, the others by name, dropped once silent, bounded in number. */
class InstanceBoardTest {

    private final InstanceBoard board = new InstanceBoard(20_000);
    private final InstanceFigures self = figures("node-b", 10);

    private List<String> names(long now) {
        return board.live(self, now).stream().map(l -> l.figures().instance()).toList();
    }

    @Test
    void thisInstanceFirstThenTheOthersByNameWithTheirAge() {
        board.heard(figures("node-c", 1), 1_000);
        board.heard(figures("node-a", 2), 2_000);
        board.heard(figures("node-b", 99), 2_000); // our own message back from the bus: the fresh one wins
        List<InstanceBoard.Listed> live = board.live(self, 3_000);
        assertEquals(List.of("node-b", "node-a", "node-c"), live.stream().map(l -> l.figures().instance()).toList());
        assertEquals(List.of(true, false, false), live.stream().map(InstanceBoard.Listed::self).toList());
        assertEquals(10, live.get(0).figures().actions());
        assertEquals(List.of(0L, 1_000L, 2_000L), live.stream().map(InstanceBoard.Listed::ageMillis).toList());
    }

    @Test
    void anInstanceThatStoppedPublishingDropsOutAfterTheTimeout() {
        board.heard(figures("node-a", 1), 0);
        board.heard(figures("node-c", 1), 0);
        board.heard(figures("node-c", 2), 15_000);
        assertEquals(List.of("node-b", "node-a", "node-c"), names(20_000));
        assertEquals(List.of("node-b", "node-c"), names(20_001));
        board.prune(40_000);
        assertEquals(List.of("node-b"), names(40_000));
    }

    @Test
    void atMostSixtyFourInstancesAreKept() {
        for (int i = 0; i < InstanceBoard.MAX_INSTANCES + 10; i++) {
            board.heard(figures("node-x" + i, i), 1_000);
        }
        assertEquals(InstanceBoard.MAX_INSTANCES + 1, board.live(self, 1_000).size());
        board.heard(figures("node-x0", 5), 30_000); // a known one still updates
        board.heard(figures("node-new", 1), 30_000); // the silent ones made room
        assertEquals(List.of("node-b", "node-new", "node-x0"), names(30_000));
    }
}
