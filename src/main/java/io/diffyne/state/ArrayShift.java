package io.diffyne.state;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;

/**
 * The middle of an array change (what differs once the common prefix and suffix are trimmed) seen as a shift: the old
 * middle's first {@code dropped} elements removed or the new middle's first {@code taken} elements inserted, the next
 * {@code overlap} elements equal on both sides, and the rest of whichever side is longer removed or added. A list
 * that keeps its newest 50 entries is the common case: one message in and one out was 100 position-by-position ops
 * (every entry moved up by one), and is two here.
 * <p>Found in linear time: the first element of one middle is looked for among the first {@link #REACH} of the
 * other's, and the first match is verified once; a shift is used only when it takes fewer ops than the positions
 * that differ.
 */
final class ArrayShift {

    /** How far into the other middle the first element is looked for: a shift by more is compared by position. */
    static final int REACH = 64;

    private final int oldMiddle;
    private final int newMiddle;
    /** Old elements removed at the front, or new ones inserted there (exactly one of the two is positive). */
    private final int dropped;
    private final int taken;
    private final int overlap;

    private ArrayShift(int oldMiddle, int newMiddle, int dropped, int taken, int overlap) {
        this.oldMiddle = oldMiddle;
        this.newMiddle = newMiddle;
        this.dropped = dropped;
        this.taken = taken;
        this.overlap = overlap;
    }

    /** The shift turning {@code a}'s middle into {@code b}'s, or null when there is none worth its ops. */
    static ArrayShift find(JsonArray a, JsonArray b, int prefix, int oldMiddle, int newMiddle) {
        if (oldMiddle == 0 || newMiddle == 0 || (oldMiddle < 2 && newMiddle < 2)) {
            // a pure removal or insertion is already an op per element; one element each side is one replace
            return null;
        }
        ArrayShift best = null;
        int dropped = firstMatch(a, prefix, oldMiddle, b.get(prefix));
        if (dropped > 0) {
            int overlap = Math.min(oldMiddle - dropped, newMiddle);
            if (equalRun(a, prefix + dropped, b, prefix, overlap)) {
                best = new ArrayShift(oldMiddle, newMiddle, dropped, 0, overlap);
            }
        }
        int taken = firstMatch(b, prefix, newMiddle, a.get(prefix));
        if (taken > 0) {
            int overlap = Math.min(newMiddle - taken, oldMiddle);
            if (equalRun(b, prefix + taken, a, prefix, overlap)) {
                ArrayShift other = new ArrayShift(oldMiddle, newMiddle, 0, taken, overlap);
                if (best == null || other.ops() < best.ops()) {
                    best = other;
                }
            }
        }
        return best != null && best.ops() < differingPositions(a, b, prefix, oldMiddle, newMiddle, best.ops())
                ? best : null;
    }

    /** Ops this shift takes. */
    int ops() {
        return dropped + taken + (oldMiddle - dropped - overlap) + (newMiddle - taken - overlap);
    }

    /**
     * Appends the ops to {@code ops}; they apply in order, so each index is the one the array has after the ops
     * before it (removals of a run from its highest index down).
     */
    void emit(JsonArray b, String pointer, int prefix, JsonArrayBuilder ops) {
        for (int i = 0; i < dropped; i++) {
            ops.add(StateDelta.remove(pointer + '/' + prefix));
        }
        for (int i = 0; i < taken; i++) {
            ops.add(StateDelta.add(pointer + '/' + (prefix + i), b.get(prefix + i)));
        }
        // the overlap now sits at prefix + taken; after it, the longer side's rest
        int after = prefix + taken + overlap;
        int oldRest = oldMiddle - dropped - overlap;
        for (int i = after + oldRest - 1; i >= after; i--) {
            ops.add(StateDelta.remove(pointer + '/' + i));
        }
        int newRest = newMiddle - taken - overlap;
        for (int i = 0; i < newRest; i++) {
            ops.add(StateDelta.add(pointer + '/' + (after + i), b.get(after + i)));
        }
    }

    /** The first index k in 1..REACH of {@code in}'s middle whose element equals {@code first}, or 0. */
    private static int firstMatch(JsonArray in, int prefix, int middle, JsonValue first) {
        int reach = Math.min(middle - 1, REACH);
        for (int k = 1; k <= reach; k++) {
            if (JsonEquality.same(in.get(prefix + k), first)) {
                return k;
            }
        }
        return 0;
    }

    private static boolean equalRun(JsonArray x, int from, JsonArray y, int to, int length) {
        for (int i = 0; i < length; i++) {
            if (!JsonEquality.same(x.get(from + i), y.get(to + i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The ops a position-by-position comparison takes at least (positions whose elements differ, plus the length
     * difference), counted only as far as {@code enough}.
     */
    private static int differingPositions(JsonArray a, JsonArray b, int prefix, int oldMiddle, int newMiddle,
                                          int enough) {
        int count = Math.abs(oldMiddle - newMiddle);
        int common = Math.min(oldMiddle, newMiddle);
        for (int i = 0; i < common && count <= enough; i++) {
            if (!JsonEquality.same(a.get(prefix + i), b.get(prefix + i))) {
                count++;
            }
        }
        return count;
    }
}
