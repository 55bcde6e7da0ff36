package io.diffyne.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LiveComponentsTest {

    private static final long KIB = 1024;

    /** An entry whose estimated heap is {@code kib} KiB (state and tree together, the entry's overhead included). */
    private static LiveComponent entry(String id, long version, long kib) {
        return new LiveComponent(id, "chat", version, "sig-" + version, JsonValue.EMPTY_JSON_OBJECT, null,
                Set.of("message-sent"), Set.of("room"), kib * KIB - LiveComponent.ENTRY, 0);
    }

    @Test
    void aConnectionKeepsItsEntriesWithinItsBytesLeastRecentlyUsedFirst() {
        LiveComponents live = new LiveComponents(64, 100 * KIB, null);
        live.put(entry("a", 1, 40));
        live.put(entry("b", 1, 40));
        live.get("a"); // a is used again: b is now the eldest
        live.put(entry("c", 1, 40));
        assertNull(live.get("b"));
        assertEquals(80 * KIB, live.bytes());
        live.put(entry("a", 2, 10)); // a newer version replaces the older, and its bytes
        assertEquals(50 * KIB, live.bytes());
        assertEquals(2, live.get("a").version());
    }

    @Test
    void anEntryLargerThanTheWholeBoundIsNotKept() {
        LiveComponents live = new LiveComponents(64, 100 * KIB, null);
        live.put(entry("a", 1, 40));
        live.put(entry("huge", 1, 101));
        assertNull(live.get("huge"));
        assertEquals(1, live.get("a").version(), "nothing made way for what is not kept");
        assertEquals(40 * KIB, live.bytes());
        // a component that grew past the bound is not kept, nor is its previous version
        live.put(entry("a", 2, 101));
        assertNull(live.get("a"));
        assertEquals(0, live.bytes());
    }

    @Test
    void theEntryCapStillHolds() {
        LiveComponents live = new LiveComponents(2, Long.MAX_VALUE, null);
        live.put(entry("a", 1, 1));
        live.put(entry("b", 1, 1));
        live.put(entry("c", 1, 1));
        assertEquals(2, live.size());
        assertNull(live.get("a"));
    }

    @Test
    void theInstanceTotalBoundsAllConnectionsTogether() {
        LiveStore store = new LiveStore(500 * KIB);
        List<LiveComponents> connections = List.of(new LiveComponents(64, 200 * KIB, store),
                new LiveComponents(64, 200 * KIB, store), new LiveComponents(64, 200 * KIB, store),
                new LiveComponents(64, 200 * KIB, store));
        for (int round = 0; round < 10; round++) {
            for (LiveComponents live : connections) {
                for (int c = 0; c < 4; c++) {
                    live.put(entry("c" + c, round, 50));
                }
            }
        }
        // four connections of 200 KiB each would hold 800 KiB; together they hold at most 500
        assertTrue(store.bytes() <= 500 * KIB, "store holds " + store.bytes());
        long held = connections.stream().mapToLong(LiveComponents::bytes).sum();
        assertEquals(store.bytes(), held, "what a connection counts is what the store holds");
        assertTrue(held >= 300 * KIB, "the bound is used, not emptied: " + held);
    }

    @Test
    void aReleasedConnectionGivesItsBytesBackAndKeepsNothingMore() {
        LiveStore store = new LiveStore(500 * KIB);
        LiveComponents live = new LiveComponents(64, 200 * KIB, store);
        LiveComponent a = entry("a", 1, 50);
        live.put(a);
        assertSame(a, live.get("a"));
        assertEquals(50 * KIB, store.bytes());
        live.release();
        assertEquals(0, store.bytes());
        live.put(entry("b", 1, 50)); // a request that was still running
        assertEquals(0, store.bytes());
        assertEquals(0, live.size());
    }

    @Test
    void removeGivesTheBytesBack() {
        LiveStore store = new LiveStore(500 * KIB);
        LiveComponents live = new LiveComponents(64, 200 * KIB, store);
        live.put(entry("a", 1, 50));
        live.remove("a");
        assertEquals(0, live.bytes());
        assertEquals(0, store.bytes());
    }
}
