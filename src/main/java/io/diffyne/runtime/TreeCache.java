package io.diffyne.runtime;

import io.diffyne.vdom.SizedTree;

/**
 * The last rendered tree of recent snapshots, keyed by signature, so an AJAX action renders once: the baseline for the
 * diff is the tree the client shows, not a second render of the old state. A signature names exactly one state, so a
 * hit is always the right tree. Bounded by the estimated heap of its trees ({@code DIFFYNE_TREE_CACHE_SIZE}, each
 * entry charged {@link #ENTRY} more for its key and map entry), least recently used first ({@link ByteLru}). A miss
 * (another node rendered it, or it was forgotten) re-renders the old state.
 */
final class TreeCache {

    /** The signature string and the map entry, beyond the tree. */
    static final int ENTRY = 160;

    private final ByteLru<String, SizedTree> trees;

    /** {@code maxBytes} 0: no cache, every AJAX action renders its baseline again. */
    TreeCache(long maxBytes) {
        this.trees = maxBytes <= 0 ? null : new ByteLru<>(maxBytes, tree -> ENTRY + tree.heapBytes());
    }

    SizedTree get(String sig) {
        return trees == null ? null : trees.get(sig);
    }

    void put(String sig, SizedTree tree) {
        if (trees != null) {
            trees.put(sig, tree);
        }
    }

    /** Estimated bytes held now. */
    long bytes() {
        return trees == null ? 0 : trees.bytes();
    }
}
