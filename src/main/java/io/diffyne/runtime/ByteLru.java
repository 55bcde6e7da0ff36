package io.diffyne.runtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A map bounded by the bytes its values weigh, forgetting the least recently used first. Hand-written, not Caffeine:
 * here recency is the whole pattern (the entry a client's next request needs is the one just put), and Caffeine's
 * frequency-based admission (W-TinyLFU) refuses a new entry whose use count is below its victim's, so under pressure
 * it dropped exactly the newest tree ({@code TreeCacheTest}). One lock; every operation is O(1) plus what it evicts.
 */
final class ByteLru<K, V> {

    private final long maxBytes;
    private final ToLongFunction<V> weigher;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    ByteLru(long maxBytes, ToLongFunction<V> weigher) {
        this.maxBytes = maxBytes;
        this.weigher = weigher;
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    /**
     * Puts {@code value} (one heavier than the whole bound is not kept) and returns what was evicted to make room,
     * the value itself included if it was not kept, so the caller can tell the owners outside this lock.
     */
    synchronized List<Map.Entry<K, V>> put(K key, V value) {
        if (weigher.applyAsLong(value) > maxBytes) {
            // never kept, so it must not empty the map on its way: only the key's previous value goes with it
            List<Map.Entry<K, V>> refused = new ArrayList<>(2);
            V previous = entries.remove(key);
            if (previous != null) {
                bytes -= weigher.applyAsLong(previous);
                refused.add(Map.entry(key, previous));
            }
            refused.add(Map.entry(key, value));
            return refused;
        }
        V old = entries.put(key, value);
        bytes += weigher.applyAsLong(value) - (old == null ? 0 : weigher.applyAsLong(old));
        List<Map.Entry<K, V>> evicted = new ArrayList<>(0);
        Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<K, V> next = eldest.next();
            eldest.remove();
            bytes -= weigher.applyAsLong(next.getValue());
            evicted.add(Map.entry(next.getKey(), next.getValue()));
        }
        return evicted;
    }

    /** Removes the key's entry, if any. */
    synchronized void remove(K key) {
        V value = entries.remove(key);
        if (value != null) {
            bytes -= weigher.applyAsLong(value);
        }
    }

    /** Removes the entry if it is still {@code value} (the same object). */
    synchronized void remove(K key, V value) {
        if (entries.get(key) == value && value != null) {
            entries.remove(key);
            bytes -= weigher.applyAsLong(value);
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }
}
