package io.diffyne.runtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live components of one WebSocket connection: their latest signed state and last rendered tree, so a request
 * may name its snapshot instead of resending it, and broadcasts can be re-rendered on the server. Bounded: the least
 * recently used entry goes first; a client whose entry was evicted is asked to resend its snapshot.
 */
public final class LiveComponents {

    private final int capacity;
    private final LinkedHashMap<String, LiveComponent> entries = new LinkedHashMap<>(16, 0.75f, true);

    public LiveComponents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    public synchronized LiveComponent get(String id) {
        return entries.get(id);
    }

    public synchronized void put(LiveComponent component) {
        entries.put(component.id(), component);
        if (entries.size() > capacity) {
            Iterator<String> eldest = entries.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    public synchronized void remove(String id) {
        entries.remove(id);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Ids of the components listening to {@code event} on {@code channel}. */
    public synchronized List<String> listening(String channel, String event) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, LiveComponent> e : entries.entrySet()) {
            LiveComponent c = e.getValue();
            if (c.listeners().contains(event) && c.channels().contains(channel)) {
                ids.add(e.getKey());
            }
        }
        return ids;
    }

    /** Every channel some live component of this connection is on. */
    public synchronized java.util.Set<String> channels() {
        java.util.Set<String> channels = new java.util.HashSet<>();
        for (LiveComponent c : entries.values()) {
            channels.addAll(c.channels());
        }
        return channels;
    }
}
