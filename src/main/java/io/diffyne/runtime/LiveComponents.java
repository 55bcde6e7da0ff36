package io.diffyne.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The live components of one WebSocket connection: their latest signed state and last rendered tree, so a request
 * may name its snapshot instead of resending it, and broadcasts can be re-rendered on the server. Bounded in entries
 * and in estimated heap bytes ({@link LiveComponent#bytes()}, {@code DIFFYNE_WS_LIVE_SIZE}): the least recently used
 * entry goes first, and one larger than the whole bound is not kept. With a {@link LiveStore} the instance's total is
 * bounded too, and the store may forget an entry of this connection to make room for another's (least recently used
 * across the instance). A client whose
 * entry was forgotten is asked to resend its snapshot.
 */
public final class LiveComponents {

    private final int maxEntries;
    private final long maxBytes;
    private final LiveStore store;
    private final RecentList entries = new RecentList();
    private long bytes;
    private volatile boolean released;

    public LiveComponents(int maxEntries, long maxBytes, LiveStore store) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.store = store;
    }

    /** Bounded in entries only, not part of any instance total (tests, benchmarks). */
    public LiveComponents(int maxEntries) {
        this(maxEntries, Long.MAX_VALUE, null);
    }

    public LiveComponent get(String id) {
        LiveComponent found;
        synchronized (this) {
            found = entries.use(id);
        }
        if (found != null && store != null) {
            store.touched(this, id);
        }
        return found;
    }

    public void put(LiveComponent component) {
        if (released) {
            return;
        }
        List<LiveComponent> dropped = new ArrayList<>(1);
        boolean kept;
        synchronized (this) {
            if (component.bytes() > maxBytes) {
                // never kept, so it must not empty the connection's other components on its way
                LiveComponent previous = entries.remove(component.id());
                if (previous != null) {
                    bytes -= previous.bytes();
                    dropped.add(previous);
                }
                kept = false;
            } else {
                LiveComponent old = entries.put(component);
                bytes += component.bytes() - (old == null ? 0 : old.bytes());
                while ((entries.size() > maxEntries || bytes > maxBytes) && entries.size() > 0) {
                    LiveComponent next = entries.removeEldest();
                    bytes -= next.bytes();
                    dropped.add(next);
                }
                kept = entries.peek(component.id()) == component;
            }
        }
        if (store == null) {
            return;
        }
        // outside this object's lock: see LiveStore
        if (kept) {
            store.held(this, component);
        }
        for (LiveComponent gone : dropped) {
            store.dropped(this, gone);
        }
        if (released) {
            // closed while this put ran: release() may have missed the entry just stored
            store.dropped(this, component);
        }
    }

    public void remove(String id) {
        LiveComponent gone;
        synchronized (this) {
            gone = entries.remove(id);
            if (gone != null) {
                bytes -= gone.bytes();
            }
        }
        if (gone != null && store != null) {
            store.dropped(this, gone);
        }
    }

    /** The connection is gone: forgets everything, here and in the instance's store; later puts are ignored. */
    public void release() {
        released = true;
        List<LiveComponent> all;
        synchronized (this) {
            all = new ArrayList<>(entries.size());
            entries.forEach(all::add);
            entries.clear();
            bytes = 0;
        }
        if (store != null) {
            all.forEach(c -> store.dropped(this, c));
        }
    }

    /** The instance's store forgot {@code component}: forget it here too, unless a newer entry replaced it. */
    void evicted(String id, LiveComponent component) {
        synchronized (this) {
            if (component.id().equals(id) && entries.removeIfSame(component)) {
                bytes -= component.bytes();
            }
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Estimated heap bytes held by this connection's entries. */
    public synchronized long bytes() {
        return bytes;
    }

    /** Ids of the components listening to {@code event} on {@code channel}. */
    public synchronized List<String> listening(String channel, String event) {
        List<String> ids = new ArrayList<>();
        entries.forEach(c -> {
            if (c.listeners().contains(event) && c.channels().contains(channel)) {
                ids.add(c.id());
            }
        });
        return ids;
    }

    /** Every channel some live component of this connection is on. */
    public synchronized Set<String> channels() {
        Set<String> channels = new HashSet<>();
        entries.forEach(c -> channels.addAll(c.channels()));
        return channels;
    }
}
