package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BoundedExecutorTest {

    @Test
    void runsEveryTaskWithAtMostTheLimitAtOnce() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        BoundedExecutor bounded = new BoundedExecutor(pool, 3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(200);
        for (int i = 0; i < 200; i++) {
            bounded.execute(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.onSpinWait();
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertTrue(most.get() <= 3, "at most 3 at once, saw " + most.get());
        assertEquals(0, bounded.waiting());
        pool.shutdown();
    }

    @Test
    void waitingTasksRunInOrderAndAFailingOneStopsNothing() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        BoundedExecutor bounded = new BoundedExecutor(pool, 1);
        CountDownLatch gate = new CountDownLatch(1);
        List<Integer> order = new CopyOnWriteArrayList<>();
        bounded.execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        bounded.execute(() -> {
            throw new IllegalStateException("a failing task");
        });
        for (int i = 0; i < 5; i++) {
            int n = i;
            bounded.execute(() -> order.add(n));
        }
        assertEquals(6, bounded.waiting());
        gate.countDown();
        CountDownLatch last = new CountDownLatch(1);
        bounded.execute(last::countDown);
        assertTrue(last.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(0, 1, 2, 3, 4), order);
        pool.shutdown();
    }

    @Test
    void aRefusalBelowReachesTheSubmitterAndFreesItsTurn() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.shutdown();
        BoundedExecutor bounded = new BoundedExecutor(pool, 1);
        assertThrows(RejectedExecutionException.class, () -> bounded.execute(() -> { }));
        assertThrows(RejectedExecutionException.class, () -> bounded.execute(() -> { }), "the turn was given back");
        assertEquals(0, bounded.waiting());
    }
}
