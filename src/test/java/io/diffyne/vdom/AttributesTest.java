package io.diffyne.vdom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AttributesTest {

    private static LinkedHashMap<String, String> attributes(int n) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (int i = n; i > 0; i--) {
            out.put("a" + i, "v" + i); // descending: order is insertion's, not the names'
        }
        return out;
    }

    @Test
    void aCompactCopyKeepsOrderAnswersLookupsAndEqualsAnyMapWithTheSameEntries() {
        for (int n : new int[] {1, 2, 5, Attributes.MAX_COMPACT, Attributes.MAX_COMPACT + 1, 40}) {
            LinkedHashMap<String, String> source = attributes(n);
            Map<String, String> copy = Attributes.copyOf(source);
            assertEquals(List.copyOf(source.keySet()), new ArrayList<>(copy.keySet()), "order at " + n);
            List<String> visited = new ArrayList<>();
            copy.forEach((k, v) -> visited.add(k + "=" + v));
            assertEquals(source.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(), visited);
            assertEquals(n, copy.size());
            assertEquals("v1", copy.get("a1"));
            assertTrue(copy.containsKey("a" + n));
            assertNull(copy.get("b"));
            assertFalse(copy.containsKey(null));
            assertEquals(new HashMap<>(source), copy);
            assertEquals(copy, new HashMap<>(source));
            assertEquals(new HashMap<>(source).hashCode(), copy.hashCode());
            assertThrows(UnsupportedOperationException.class, () -> copy.put("x", "y"));
            assertThrows(UnsupportedOperationException.class, () -> copy.entrySet().iterator().next().setValue("z"));
            source.put("later", "1");
            assertFalse(copy.containsKey("later"), "a copy, not a view");
        }
    }

    @Test
    void noneIsTheSharedEmptyMapACopyOfACopyIsItselfAndNullsAreRefused() {
        assertSame(Map.of(), Attributes.copyOf(new LinkedHashMap<>()));
        Map<String, String> copy = Attributes.copyOf(attributes(3));
        assertSame(copy, Attributes.copyOf(copy));
        LinkedHashMap<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("a", null);
        assertThrows(NullPointerException.class, () -> Attributes.copyOf(nullValue));
        LinkedHashMap<String, String> manyWithNull = attributes(Attributes.MAX_COMPACT + 1);
        manyWithNull.put("z", null);
        assertThrows(NullPointerException.class, () -> Attributes.copyOf(manyWithNull));
    }

    @Test
    void equalityIgnoresOrderAndTheKeyViewIsOrdered() {
        LinkedHashMap<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        LinkedHashMap<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        Map<String, String> one = Attributes.copyOf(ab);
        Map<String, String> other = Attributes.copyOf(ba);
        assertEquals(one, other);
        assertEquals(one.hashCode(), other.hashCode());
        assertEquals(one, Attributes.copyOf(new LinkedHashMap<>(ab)));
        ba.put("a", "3");
        assertFalse(one.equals(Attributes.copyOf(ba)));
        assertEquals(List.of("a", "b"), List.copyOf(one.keySet()));
        assertTrue(one.keySet().contains("b"));
        assertFalse(one.keySet().contains("c"));
    }

    @Test
    void anElementComparesItsAttributesWhateverTheirLayout() {
        VElement compact = new VElement("i", attributes(2), List.of());
        VElement hashed = new VElement("i", new HashMap<>(attributes(2)), List.of());
        assertEquals(compact, hashed);
        assertEquals(compact.hashCode(), hashed.hashCode());
        assertEquals("<i a2=\"v2\" a1=\"v1\"></i>", compact.toHtml(Map.of()));
    }
}
