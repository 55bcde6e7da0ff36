package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

class SerialLaneTest {

    /** Runs submitted drains only when told, like a busy pool. */
    private static final class ManualExecutor implements Executor {
        final ArrayDeque<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            queued.add(command);
        }

        void runAll() {
            while (!queued.isEmpty()) {
                queued.poll().run();
            }
        }
    }

    @Test
    void runsTasksInOrderWithOneDrainAtATime() {
        ManualExecutor executor = new ManualExecutor();
        SerialLane lane = new SerialLane(executor, 10);
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            assertTrue(lane.submit(() -> ran.add(n)));
        }
        assertEquals(1, executor.queued.size(), "one pool task per lane, however many tasks wait");
        executor.runAll();
        assertEquals(List.of(0, 1, 2, 3, 4), ran);
        assertTrue(lane.submit(() -> ran.add(5)));
        executor.runAll();
        assertEquals(List.of(0, 1, 2, 3, 4, 5), ran);
    }

    @Test
    void refusesPastItsBoundAndAfterClose() {
        ManualExecutor executor = new ManualExecutor();
        SerialLane lane = new SerialLane(executor, 2);
        assertTrue(lane.submit(() -> { }));
        assertTrue(lane.submit(() -> { }));
        assertFalse(lane.submit(() -> { }));
        lane.close();
        executor.runAll();
        assertFalse(lane.submit(() -> { }));
    }

    @Test
    void aFailingTaskDoesNotStopTheLane() {
        ManualExecutor executor = new ManualExecutor();
        SerialLane lane = new SerialLane(executor, 10);
        List<String> ran = new ArrayList<>();
        lane.submit(() -> {
            throw new IllegalStateException("boom");
        });
        lane.submit(() -> ran.add("after"));
        executor.runAll();
        assertEquals(List.of("after"), ran);
    }
}
