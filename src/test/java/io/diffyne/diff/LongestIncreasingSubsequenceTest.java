package io.diffyne.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class LongestIncreasingSubsequenceTest {

    @Test
    void marksOneLongestRun() {
        assertArrayEquals(new boolean[] {true, false, true, false, true, true},
                LongestIncreasingSubsequence.mark(new int[] {0, 8, 1, 9, 2, 3}));
    }

    @Test
    void sortedInputIsAllMarked() {
        assertArrayEquals(new boolean[] {true, true, true}, LongestIncreasingSubsequence.mark(new int[] {1, 4, 7}));
    }

    @Test
    void reversedInputKeepsExactlyOne() {
        assertArrayEquals(new boolean[] {false, false, true}, LongestIncreasingSubsequence.mark(new int[] {3, 2, 1}));
    }

    @Test
    void emptyInputMarksNothing() {
        assertArrayEquals(new boolean[0], LongestIncreasingSubsequence.mark(new int[0]));
    }
}
