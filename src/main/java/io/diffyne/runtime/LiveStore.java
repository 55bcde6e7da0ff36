package io.diffyne.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

/**
 * The live components of every connection of this instance, bounded together by their estimated heap
 * ({@code DIFFYNE_WS_LIVE_TOTAL_SIZE}), so many connections cannot multiply the per-connection bound: when the total is
 * over, Caffeine forgets the entries least likely to be used again, whichever connection holds them, and tells that
 * connection ({@link LiveComponents#evicted}). A connection whose component was forgotten is asked for its full
 * snapshot on its next request, as after a reconnect.
 *
 * <p>Never called while a {@link LiveComponents} holds its lock: the eviction callback takes that lock while Caffeine
 * holds its own.
 */
public final class LiveStore {

    private record Key(LiveComponents owner, String id) {
    }

    private final Cache<Key, LiveComponent> all;

    public LiveStore(long maxBytes) {
        this.all = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, LiveComponent c) -> (int) Math.min(Integer.MAX_VALUE, c.bytes()))
                .evictionListener(LiveStore::evicted)
                .executor(Runnable::run)
                .build();
    }

    void held(LiveComponents owner, LiveComponent component) {
        all.put(new Key(owner, component.id()), component);
    }

    /** A read, so the policy sees which entries are in use. */
    void touched(LiveComponents owner, String id) {
        all.getIfPresent(new Key(owner, id));
    }

    void dropped(LiveComponents owner, LiveComponent component) {
        all.asMap().remove(new Key(owner, component.id()), component);
    }

    /** Estimated bytes held by all connections now (after pending maintenance). */
    public long bytes() {
        all.cleanUp();
        return all.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    private static void evicted(Key key, LiveComponent component, RemovalCause cause) {
        if (key != null && component != null) {
            key.owner().evicted(key.id(), component);
        }
    }
}
