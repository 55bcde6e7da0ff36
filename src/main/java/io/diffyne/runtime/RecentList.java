package io.diffyne.runtime;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The live components of one connection in least recently used order, eldest first: an array, not an access-ordered
 * {@code LinkedHashMap}, because a connection holds one or a few (at most {@code DIFFYNE_WS_LIVE_COMPONENTS}, 64 by
 * default), and the map's table, entry, views and its own copy of each id cost about 220 B per open page
 * (BENCHMARKS.md, Memory). A lookup is a scan by id, a use moves the entry to the end. Not thread-safe: its owner
 * locks.
 */
final class RecentList {

    private static final LiveComponent[] NONE = {};

    private LiveComponent[] items = NONE;
    private int size;

    /** The entry with {@code id}, now the most recently used, or null. */
    LiveComponent use(String id) {
        int i = indexOf(id);
        if (i < 0) {
            return null;
        }
        LiveComponent found = items[i];
        moveToEnd(i);
        return found;
    }

    /** The entry with {@code id}, its order unchanged, or null. */
    LiveComponent peek(String id) {
        int i = indexOf(id);
        return i < 0 ? null : items[i];
    }

    /** Stores {@code component} as the most recently used, replacing the entry of its id; the replaced one or null. */
    LiveComponent put(LiveComponent component) {
        int i = indexOf(component.id());
        if (i >= 0) {
            LiveComponent old = items[i];
            items[i] = component;
            moveToEnd(i);
            return old;
        }
        if (size == items.length) {
            items = Arrays.copyOf(items, Math.max(1, size * 2));
        }
        items[size++] = component;
        return null;
    }

    /** Removes the entry of {@code id}; the removed one or null. */
    LiveComponent remove(String id) {
        int i = indexOf(id);
        return i < 0 ? null : removeAt(i);
    }

    /** Removes {@code component} if it is still the entry of its id; whether it was. */
    boolean removeIfSame(LiveComponent component) {
        int i = indexOf(component.id());
        if (i < 0 || items[i] != component) {
            return false;
        }
        removeAt(i);
        return true;
    }

    /** Removes and returns the least recently used entry (there must be one). */
    LiveComponent removeEldest() {
        return removeAt(0);
    }

    int size() {
        return size;
    }

    /** Every entry, eldest first. */
    void forEach(Consumer<LiveComponent> action) {
        for (int i = 0; i < size; i++) {
            action.accept(items[i]);
        }
    }

    /** Forgets every entry and gives back the array. */
    void clear() {
        items = NONE;
        size = 0;
    }

    private int indexOf(String id) {
        for (int i = size - 1; i >= 0; i--) {
            if (items[i].id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void moveToEnd(int i) {
        LiveComponent moved = items[i];
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        items[size - 1] = moved;
    }

    private LiveComponent removeAt(int i) {
        LiveComponent gone = items[i];
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        items[--size] = null;
        return gone;
    }
}
