package io.diffyne.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class OwnThreadsTest {

    @Test
    void threadsAreDaemonsNamedAsAsked() {
        OwnThreads numbered = OwnThreads.numbered("diffyne-test");
        Thread first = numbered.newThread(() -> { });
        Thread second = numbered.newThread(() -> { });
        assertEquals("diffyne-test-1", first.getName());
        assertEquals("diffyne-test-2", second.getName());
        assertTrue(first.isDaemon());
        assertEquals("diffyne-timer", OwnThreads.named("diffyne-timer").newThread(() -> { }).getName());
    }

    /** After awaitEnd says so, no thread of the pool is alive: what Tomcat checks right after the application stops. */
    @Test
    void afterAShutdownEveryThreadHasEndedWhenAwaitEndReturns() throws Exception {
        OwnThreads threads = OwnThreads.numbered("diffyne-test");
        List<Thread> seen = new ArrayList<>();
        ExecutorService pool = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = threads.newThread(task);
            synchronized (seen) {
                seen.add(thread);
            }
            return thread;
        });
        CountDownLatch running = new CountDownLatch(4);
        for (int i = 0; i < 4; i++) {
            pool.execute(() -> {
                running.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertTrue(running.await(10, TimeUnit.SECONDS));
        assertEquals(4, threads.alive());
        pool.shutdownNow();
        assertTrue(threads.awaitEnd(Duration.ofSeconds(10)));
        synchronized (seen) {
            assertEquals(4, seen.size());
            seen.forEach(thread -> assertFalse(thread.isAlive(), thread.getName()));
        }
        assertEquals(0, threads.alive());
    }

    @Test
    void aThreadThatWillNotEndMakesAwaitEndFalseAfterTheTimeout() throws Exception {
        OwnThreads threads = OwnThreads.named("diffyne-stubborn");
        CountDownLatch release = new CountDownLatch(1);
        Thread stubborn = threads.newThread(() -> {
            while (true) {
                try {
                    release.await();
                    return;
                } catch (InterruptedException ignored) {
                    // will not end when asked to
                }
            }
        });
        stubborn.start();
        stubborn.interrupt();
        long start = System.nanoTime();
        assertFalse(threads.awaitEnd(Duration.ofMillis(300)));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300));
        assertEquals(1, threads.alive());
        release.countDown();
        assertTrue(threads.awaitEnd(Duration.ofSeconds(10)));
    }

    /** A pool whose idle threads time out and are replaced holds only the threads that may still be alive. */
    @Test
    void endedThreadsAreForgotten() throws Exception {
        OwnThreads threads = OwnThreads.numbered("diffyne-test");
        for (int i = 0; i < 50; i++) {
            Thread thread = threads.newThread(() -> { });
            thread.start();
            thread.join();
        }
        threads.newThread(() -> { });
        assertEquals(1, threads.held(), "the 50 ended threads are no longer held, only the one not started yet");
        assertEquals(0, threads.alive());
        assertTrue(threads.awaitEnd(Duration.ZERO), "a thread never started is not running");
    }
}
