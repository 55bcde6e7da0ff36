package io.diffyne.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RecentListTest {

    private static LiveComponent entry(String id, long version) {
        return new LiveComponent(id, "counter", version, "sig", JsonValue.EMPTY_JSON_OBJECT, null, Set.of(), Set.of(),
                0, 0);
    }

    private static List<String> order(RecentList list) {
        List<String> ids = new ArrayList<>();
        list.forEach(c -> ids.add(c.id() + "@" + c.version()));
        return ids;
    }

    @Test
    void usesMoveAnEntryToTheEndAndPeeksDoNot() {
        RecentList list = new RecentList();
        list.put(entry("a", 1));
        list.put(entry("b", 1));
        list.put(entry("c", 1));
        assertEquals(1, list.use("a").version());
        assertEquals(List.of("b@1", "c@1", "a@1"), order(list));
        assertEquals(1, list.peek("b").version());
        assertEquals(List.of("b@1", "c@1", "a@1"), order(list));
        assertNull(list.use("missing"));
        assertNull(list.use(null));
    }

    @Test
    void aNewVersionReplacesItsIdAsTheMostRecent() {
        RecentList list = new RecentList();
        LiveComponent first = entry("a", 1);
        list.put(first);
        list.put(entry("b", 1));
        assertSame(first, list.put(entry("a", 2)));
        assertEquals(List.of("b@1", "a@2"), order(list));
        assertEquals(2, list.size());
    }

    @Test
    void removalsKeepTheOrderOfTheRest() {
        RecentList list = new RecentList();
        for (String id : List.of("a", "b", "c", "d")) {
            list.put(entry(id, 1));
        }
        assertEquals("a", list.removeEldest().id());
        assertEquals("c", list.remove("c").id());
        assertNull(list.remove("c"));
        assertEquals(List.of("b@1", "d@1"), order(list));
        LiveComponent d = list.peek("d");
        assertFalse(list.removeIfSame(entry("d", 1)), "another instance of the same id stays");
        assertTrue(list.removeIfSame(d));
        assertEquals(List.of("b@1"), order(list));
        list.clear();
        assertEquals(0, list.size());
        list.put(entry("e", 1));
        assertEquals(List.of("e@1"), order(list));
    }
}
