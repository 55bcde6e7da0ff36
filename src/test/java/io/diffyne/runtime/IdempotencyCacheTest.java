package io.diffyne.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class IdempotencyCacheTest {

    private static final java.util.function.Predicate<ActionResult> ANSWER = result -> true;

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger runs = new AtomicInteger();

    private ActionResult run() {
        return new ActionResult(null, "{\"n\":" + runs.incrementAndGet() + "}");
    }

    @Test
    void aRepeatedRequestIdGetsTheFirstResult() {
        IdempotencyCache cache = new IdempotencyCache(100, 1 << 20, 1000, now::get);
        ActionResult first = cache.once("c1/r1", this::run, ANSWER);
        assertSame(first, cache.once("c1/r1", this::run, ANSWER));
        assertEquals(1, runs.get());
        cache.once("c2/r1", this::run, ANSWER);
        cache.once("c1/r2", this::run, ANSWER);
        assertEquals(3, runs.get(), "another component or requestId runs");
    }

    @Test
    void withoutAKeyEveryCallRuns() {
        IdempotencyCache cache = new IdempotencyCache(100, 1 << 20, 1000, now::get);
        cache.once(null, this::run, ANSWER);
        cache.once(null, this::run, ANSWER);
        assertEquals(2, runs.get());
    }

    @Test
    void entriesExpireAndTheSizeIsBounded() {
        IdempotencyCache cache = new IdempotencyCache(10, 1 << 20, 1000, now::get);
        cache.once("c/old", this::run, ANSWER);
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        cache.once("c/old", this::run, ANSWER);
        assertEquals(2, runs.get(), "expired entries run again");
        for (int i = 0; i < 1000; i++) {
            cache.once("c/r" + i, this::run, ANSWER);
        }
        assertTrue(cache.size() <= 11, "size " + cache.size());
    }

    @Test
    void aFailureIsNotRemembered() {
        IdempotencyCache cache = new IdempotencyCache(100, 1 << 20, 1000, now::get);
        assertThrows(IllegalStateException.class, () -> cache.once("c/r", () -> {
            throw new IllegalStateException("boom");
        }, ANSWER));
        cache.once("c/r", this::run, ANSWER);
        assertEquals(1, runs.get());
    }

    @Test
    void aResultThatIsNoAnswerIsForgotten() {
        IdempotencyCache cache = new IdempotencyCache(100, 1 << 20, 1000, now::get);
        ActionResult refusal = new ActionResult(io.diffyne.protocol.ErrorType.SNAPSHOT_REQUIRED, "{\"s\":false}");
        assertSame(refusal, cache.once("c/r", () -> refusal, result -> result.success()));
        assertEquals(0, cache.size());
        ActionResult ran = cache.once("c/r", this::run, result -> result.success());
        assertSame(ran, cache.once("c/r", this::run, result -> result.success()));
        assertEquals(1, runs.get(), "the retry ran once, and is remembered");
    }

    @Test
    void aConcurrentDuplicateWaitsForTheFirst() throws Exception {
        IdempotencyCache cache = new IdempotencyCache(100, 1 << 20, 60_000, System::nanoTime);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ActionResult> first = pool.submit(() -> cache.once("c/r", () -> {
                started.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return run();
            }, ANSWER));
            started.await(5, TimeUnit.SECONDS);
            Future<ActionResult> second = pool.submit(() -> cache.once("c/r", this::run, ANSWER));
            Thread.sleep(50);
            release.countDown();
            assertSame(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS));
            assertEquals(1, runs.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void largeResponsesAreForgottenFirstWhenTheByteBudgetIsSpent() {
        IdempotencyCache cache = new IdempotencyCache(100, 10_000, 60_000, now::get);
        String big = "x".repeat(3_000);
        for (int i = 0; i < 10; i++) {
            cache.once("c/r" + i, () -> new ActionResult(null, big), ANSWER);
        }
        assertTrue(cache.size() <= 2, "size " + cache.size());
    }
}
