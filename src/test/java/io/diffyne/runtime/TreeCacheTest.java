package io.diffyne.runtime;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.vdom.SizedTree;
import io.diffyne.vdom.VElement;

import org.junit.jupiter.api.Test;

class TreeCacheTest {

    private static SizedTree tree(long bytes) {
        return new SizedTree(new VElement("div"), bytes);
    }

    @Test
    void heldTreesStayWithinTheBytesHoweverManyArePut() {
        TreeCache cache = new TreeCache(1L << 20);
        for (int i = 0; i < 1_000; i++) {
            cache.put("sig-" + i, tree(100_000));
        }
        assertTrue(cache.bytes() <= 1L << 20, "holds " + cache.bytes());
        assertTrue(cache.bytes() >= 500_000, "the bound is used: " + cache.bytes());
        SizedTree last = tree(100_000);
        cache.put("newest", last);
        assertSame(last, cache.get("newest"));
    }

    @Test
    void manySmallTreesAreChargedTheirEntryToo() {
        TreeCache cache = new TreeCache(1L << 20);
        for (int i = 0; i < 100_000; i++) {
            cache.put("sig-" + i, tree(0));
        }
        assertTrue(cache.bytes() <= 1L << 20);
        assertTrue(cache.bytes() / TreeCache.ENTRY <= (1 << 20) / TreeCache.ENTRY, "entries are bounded too");
    }

    @Test
    void aTreeLargerThanTheCacheIsNotKeptAndZeroTurnsItOff() {
        TreeCache cache = new TreeCache(1L << 20);
        cache.put("kept", tree(10));
        cache.put("huge", tree(2L << 20));
        assertNull(cache.get("huge"));
        assertNotNull(cache.get("kept"), "nothing made way for what is not kept");
        TreeCache none = new TreeCache(0);
        none.put("a", tree(10));
        assertNull(none.get("a"));
        cache.put("small", tree(10));
        assertNotNull(cache.get("small"));
    }

    @Test
    void aForgottenEntryGivesBackItsBytes() {
        TreeCache cache = new TreeCache(1L << 20);
        cache.put("old", tree(1_000));
        cache.put("new", tree(2_000));
        long both = cache.bytes();
        cache.forget("old");
        assertNull(cache.get("old"));
        assertNotNull(cache.get("new"));
        assertTrue(cache.bytes() == both - 1_000 - TreeCache.ENTRY, "holds " + cache.bytes());
        cache.forget("old");
        cache.forget(null);
        assertTrue(cache.bytes() == both - 1_000 - TreeCache.ENTRY, "forgetting twice changes nothing");
        new TreeCache(0).forget("any");
    }
}
