package io.diffyne.runtime;

import java.util.Map;

/**
 * The live components of every connection of this instance, bounded together by their estimated heap
 * ({@code DIFFYNE_WS_LIVE_TOTAL_SIZE}), so many connections cannot multiply the per-connection bound: when the total is
 * over, the least recently used entries go, whichever connection holds them, and that connection is told
 * ({@link LiveComponents#evicted}). A connection whose component was forgotten is asked for its full snapshot on its
 * next request, as after a reconnect.
 *
 * <p>Lock order: a {@link LiveComponents} never calls here while holding its own lock, and the owners are told after
 * this store's lock is released.
 */
public final class LiveStore {

    private record Key(LiveComponents owner, String id) {
    }

    private final ByteLru<Key, LiveComponent> all;

    public LiveStore(long maxBytes) {
        this.all = new ByteLru<>(maxBytes, LiveComponent::bytes);
    }

    void held(LiveComponents owner, LiveComponent component) {
        for (Map.Entry<Key, LiveComponent> gone : all.put(new Key(owner, component.id()), component)) {
            gone.getKey().owner().evicted(gone.getKey().id(), gone.getValue());
        }
    }

    /** A read, so the least recently used order sees which entries are in use. */
    void touched(LiveComponents owner, String id) {
        all.get(new Key(owner, id));
    }

    void dropped(LiveComponents owner, LiveComponent component) {
        all.remove(new Key(owner, component.id()), component);
    }

    /** Estimated bytes held by all connections now. */
    public long bytes() {
        return all.bytes();
    }
}
