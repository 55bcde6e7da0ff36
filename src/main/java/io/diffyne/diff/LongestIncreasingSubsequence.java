package io.diffyne.diff;

/** Marks one longest strictly increasing subsequence of distinct values (patience sorting, O(n log n)). */
final class LongestIncreasingSubsequence {

    private LongestIncreasingSubsequence() {
    }

    /** {@code result[i]} is true when {@code values[i]} belongs to the chosen subsequence. */
    static boolean[] mark(int[] values) {
        int n = values.length;
        boolean[] marked = new boolean[n];
        if (n == 0) {
            return marked;
        }
        int[] tails = new int[n]; // tails[k]: index of the smallest tail of an increasing run of length k + 1
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int low = 0;
            int high = length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (values[tails[middle]] < values[i]) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            previous[i] = low > 0 ? tails[low - 1] : -1;
            tails[low] = i;
            if (low == length) {
                length++;
            }
        }
        for (int i = tails[length - 1]; i >= 0; i = previous[i]) {
            marked[i] = true;
        }
        return marked;
    }
}
