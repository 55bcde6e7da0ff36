package io.diffyne.component;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaginationTest {

    @Test
    void derivedValuesOfAMiddlePage() {
        Pagination p = new Pagination(2, 10, 45);
        assertEquals(10, p.offset());
        assertEquals(5, p.lastPage());
        assertTrue(p.hasMore());
        assertTrue(p.hasPrevious());
        assertEquals(11, p.firstItem());
        assertEquals(20, p.lastItem());
    }

    @Test
    void lastPageAndEmptyList() {
        Pagination last = new Pagination(5, 10, 45);
        assertFalse(last.hasMore());
        assertEquals(41, last.firstItem());
        assertEquals(45, last.lastItem());
        Pagination empty = Pagination.of(15);
        assertEquals(new Pagination(1, 15, 0), empty);
        assertEquals(1, empty.lastPage());
        assertFalse(empty.hasMore());
        assertFalse(empty.hasPrevious());
        assertEquals(0, empty.firstItem());
        assertEquals(0, empty.lastItem());
    }

    @Test
    void navigationIsClamped() {
        Pagination p = new Pagination(1, 10, 45);
        assertEquals(new Pagination(2, 10, 45), p.next());
        assertEquals(p, p.previous());
        assertEquals(new Pagination(5, 10, 45), p.goTo(99));
        assertEquals(new Pagination(1, 10, 45), p.goTo(-3));
        assertEquals(new Pagination(5, 10, 45), new Pagination(5, 10, 45).next());
        assertEquals(new Pagination(3, 10, 21), new Pagination(5, 10, 45).withTotal(21));
        assertEquals(new Pagination(1, 20, 45), new Pagination(4, 10, 45).withPerPage(20));
        assertEquals(1, new Pagination(-7, 10, 45).page());
    }

    @Test
    void hugeTotalsDoNotOverflow() {
        Pagination p = new Pagination(Integer.MAX_VALUE, 1, Long.MAX_VALUE);
        assertEquals(Integer.MAX_VALUE, p.lastPage());
        assertEquals(Integer.MAX_VALUE - 1L, p.offset());
    }

    @Test
    void invalidSizesAreRefused() {
        assertEquals("perPage must be between 1 and 1000, was 0",
                assertThrows(IllegalArgumentException.class, () -> new Pagination(1, 0, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Pagination(1, 1001, 0));
        assertEquals("total must not be negative, was -1",
                assertThrows(IllegalArgumentException.class, () -> new Pagination(1, 10, -1)).getMessage());
    }
}
