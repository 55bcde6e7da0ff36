package io.diffyne.state;

import io.diffyne.component.Locked;
import io.diffyne.component.QueryString;
import io.diffyne.component.State;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateFieldsTest {

    @SuppressWarnings("unused")
    static class Base {
        public static int instances;
        public int count;
        @State private String secret = "s";
        public final int constant = 1;
        public transient int scratch;
        protected int notState;
        private int alsoNotState;
    }

    static class Child extends Base {
        @Locked public long ownerId;
        @QueryString(as = "q", history = false, keep = true) public String search;
        @QueryString public int page;
        @State List<Map<String, Integer>> rows;
    }

    static class Shadowing extends Base {
        public int count;
    }

    static class StateOnFinal {
        @State final int x = 1;
    }

    static class StateOnStatic {
        @State static int x;
    }

    @Test
    void stateIsPublicMutableFieldsPlusStateAnnotatedOnesSuperclassFirst() {
        StateFields fields = StateFields.of(Child.class);
        assertEquals(List.of("count", "secret", "ownerId", "search", "page", "rows"), List.copyOf(fields.names()));
        assertEquals(6, fields.size());
        assertEquals("java.util.List<java.util.Map<java.lang.String, java.lang.Integer>>",
                fields.get("rows").type().getTypeName());
        assertEquals(List.class, fields.get("rows").rawType());
        assertEquals(Base.class, fields.get("secret").declaringClass());
        assertNull(fields.get("constant"));
        assertNull(fields.get("notState"));
    }

    @Test
    void lockedAndQueryStringInfo() {
        StateFields fields = StateFields.of(Child.class);
        assertTrue(fields.get("ownerId").locked());
        assertFalse(fields.get("count").locked());
        assertEquals(Optional.of(new QueryParam("q", false, true)), fields.get("search").queryParam());
        assertEquals(Optional.of(new QueryParam("page", true, false)), fields.get("page").queryParam());
        assertEquals(Optional.empty(), fields.get("count").queryParam());
    }

    @Test
    void readsAndWritesAnyVisibility() {
        Child c = new Child();
        StateFields fields = StateFields.of(c);
        fields.get("secret").set(c, "changed");
        fields.get("count").set(c, 5);
        fields.get("ownerId").set(c, 7L);
        assertEquals("changed", fields.get("secret").get(c));
        assertEquals(5, c.count);
        assertEquals(7L, fields.get("ownerId").get(c));
        assertEquals("State field 'count' is primitive and cannot be null",
                assertThrows(StateException.class, () -> fields.get("count").set(c, null)).getMessage());
        assertEquals("State field 'count' cannot hold a java.lang.String",
                assertThrows(StateException.class, () -> fields.get("count").set(c, "5")).getMessage());
    }

    @Test
    void coercesClientValuesForTheField() {
        StateField rows = StateFields.of(Child.class).get("rows");
        assertEquals(List.of(Map.of("a", 1)), rows.coerce(CanonicalJson.parse("[{\"a\":\"1\"}]")));
        assertEquals("rows[0].a: expected an integer, got a fraction", assertThrows(CoercionException.class,
                () -> rows.coerce(CanonicalJson.parse("[{\"a\":1.5}]"))).clientMessage());
    }

    @Test
    void cachedAndThreadSafe() {
        Set<StateFields> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 200).parallel().forEach(i -> seen.add(StateFields.of(Child.class)));
        assertEquals(1, seen.size());
        assertSame(StateFields.of(Child.class), StateFields.of(new Child()));
    }

    @Test
    void misconfigurationsAreExplained() {
        assertEquals("State field 'count' of " + Shadowing.class.getName() + " shadows the one in "
                        + Base.class.getName() + "; rename one of them",
                assertThrows(StateException.class, () -> StateFields.of(Shadowing.class)).getMessage());
        assertEquals("@State on " + StateOnFinal.class.getName() + ".x cannot work: state fields must not be static, "
                + "final or transient", assertThrows(StateException.class,
                () -> StateFields.of(StateOnFinal.class)).getMessage());
        assertThrows(StateException.class, () -> StateFields.of(StateOnStatic.class));
    }

    @Test
    void innerClassOuterReferenceIsNotState() {
        class Local {
            public int x;
        }
        assertEquals(List.of("x"), List.copyOf(StateFields.of(Local.class).names()));
    }
}
