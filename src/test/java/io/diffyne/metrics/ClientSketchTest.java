package io.diffyne.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientSketchTest {

    @Test
    void countsDistinctClientsApproximately() {
        ClientSketch sketch = new ClientSketch();
        assertEquals(0, sketch.estimate());
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 1000; i++) {
                sketch.seen("client-" + i);
            }
        }
        long estimate = sketch.estimate();
        assertTrue(estimate > 950 && estimate < 1050, "about 1000 distinct clients, estimated " + estimate);
    }

    @Test
    void aWindowIsForgottenAfterTwoRolls() {
        ClientSketch sketch = new ClientSketch();
        sketch.seen("a");
        sketch.seen("b");
        sketch.roll();
        assertEquals(2, sketch.estimate());
        sketch.seen("c");
        assertEquals(3, sketch.estimate());
        sketch.roll();
        assertEquals(1, sketch.estimate());
        sketch.roll();
        assertEquals(0, sketch.estimate());
        sketch.seen(null);
        assertEquals(0, sketch.estimate());
    }
}
