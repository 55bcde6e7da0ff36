package io.diffyne.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class SampleRingTest {

    @Test
    void keepsTheLastCapacityOldestFirst() {
        SampleRing<Integer> ring = new SampleRing<>(3);
        assertEquals(List.of(), ring.samples());
        ring.add(1);
        ring.add(2);
        assertEquals(List.of(1, 2), ring.samples());
        ring.add(3);
        ring.add(4);
        ring.add(5);
        assertEquals(List.of(3, 4, 5), ring.samples());
        for (int i = 6; i <= 100; i++) {
            ring.add(i);
        }
        assertEquals(List.of(98, 99, 100), ring.samples());
    }

    @Test
    void needsRoom() {
        assertThrows(IllegalArgumentException.class, () -> new SampleRing<>(0));
    }
}
