package io.diffyne.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.diffyne.vdom.SizedTree;

/**
 * The last rendered tree of recent snapshots, keyed by signature, so an AJAX action renders once: the baseline for the
 * diff is the tree the client shows, not a second render of the old state. A signature names exactly one state, so a
 * hit is always the right tree. Bounded by the estimated heap of its trees ({@code DIFFYNE_TREE_CACHE_SIZE}, each
 * entry charged {@link #ENTRY} more for its key and node); Caffeine decides what to forget. A miss (another node
 * rendered it, or it was forgotten) re-renders the old state.
 */
final class TreeCache {

    /** The signature string and the cache's node, beyond the tree. */
    static final int ENTRY = 160;

    private final Cache<String, SizedTree> trees;

    /** {@code maxBytes} 0: no cache, every AJAX action renders its baseline again. */
    TreeCache(long maxBytes) {
        this.trees = maxBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String sig, SizedTree tree) -> weight(tree))
                // maintenance on the caller's thread: no pool of the container's taken
                .executor(Runnable::run)
                .build();
    }

    SizedTree get(String sig) {
        return trees == null ? null : trees.getIfPresent(sig);
    }

    void put(String sig, SizedTree tree) {
        if (trees != null) {
            trees.put(sig, tree);
        }
    }

    /** Estimated bytes held now (after pending maintenance). */
    long bytes() {
        if (trees == null) {
            return 0;
        }
        trees.cleanUp();
        return trees.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    static int weight(SizedTree tree) {
        return (int) Math.min(Integer.MAX_VALUE, ENTRY + tree.heapBytes());
    }
}
