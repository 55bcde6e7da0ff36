package io.diffyne.runtime;

import io.diffyne.vdom.VElement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last rendered tree of recent snapshots, keyed by signature, so an AJAX action renders once: the baseline for the
 * diff is the tree the client shows, not a second render of the old state. A signature names exactly one state, so a
 * hit is always the right tree. Bounded LRU; a miss (another node rendered it, or it was evicted) re-renders the old
 * state.
 */
final class TreeCache {

    private final Map<String, VElement> trees;

    TreeCache(int capacity) {
        this.trees = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, VElement> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized VElement get(String sig) {
        return trees.get(sig);
    }

    synchronized void put(String sig, VElement tree) {
        trees.put(sig, tree);
    }
}
