package io.diffyne.runtime;

import io.diffyne.state.Snapshot;
import io.diffyne.vdom.SizedTree;

/**
 * The last rendered tree of recent snapshots, keyed by signature, so an AJAX action renders once: the baseline for the
 * diff is the tree the client shows, not a second render of the old state. A signature names exactly one state, so a
 * hit is always the right tree. Bounded by the estimated heap of its trees ({@code DIFFYNE_TREE_CACHE_SIZE}, each
 * entry charged {@link #ENTRY} more for its key and map entry), least recently used first ({@link ByteLru}). A miss
 * (another node rendered it, or it was forgotten) re-renders the old state. A mount's entry also keeps the mounted
 * snapshot (charged its state's heap), so the page's first action may name it by reference instead of resending it.
 * An entry is forgotten as soon as an action issues the next version of its snapshot ({@link #forget}).
 */
final class TreeCache {

    /** The signature string and the map entry, beyond the tree. */
    static final int ENTRY = 160;

    /** A tree, and for a mount the snapshot it was mounted with and that snapshot's state heap. */
    private record Entry(SizedTree tree, Snapshot mounted, long stateHeap) {
    }

    private final ByteLru<String, Entry> trees;

    /** {@code maxBytes} 0: no cache, every AJAX action renders its baseline again. */
    TreeCache(long maxBytes) {
        this.trees = maxBytes <= 0 ? null
                : new ByteLru<>(maxBytes, e -> ENTRY + e.tree().heapBytes() + e.stateHeap());
    }

    SizedTree get(String sig) {
        Entry entry = trees == null ? null : trees.get(sig);
        return entry == null ? null : entry.tree();
    }

    void put(String sig, SizedTree tree) {
        if (trees != null) {
            trees.put(sig, new Entry(tree, null, 0));
        }
    }

    /** A mount's tree with its signed snapshot, under the snapshot's signature. */
    void putMounted(Snapshot snapshot, SizedTree tree, long stateHeap) {
        if (trees != null) {
            trees.put(snapshot.sig(), new Entry(tree, snapshot, stateHeap));
        }
    }

    /** The snapshot mounted under {@code sig}, while its entry is held; else null. */
    Snapshot mounted(String sig) {
        Entry entry = trees == null || sig == null ? null : trees.get(sig);
        return entry == null ? null : entry.mounted();
    }

    /**
     * Drops the entry of a snapshot that can no longer start an action: once its next version is issued, the version
     * claim refuses it as stale, so its tree (and for a mount, the mounted snapshot) would only wait for eviction.
     */
    void forget(String sig) {
        if (trees != null && sig != null) {
            trees.remove(sig);
        }
    }

    /** Estimated bytes held now. */
    long bytes() {
        return trees == null ? 0 : trees.bytes();
    }
}
