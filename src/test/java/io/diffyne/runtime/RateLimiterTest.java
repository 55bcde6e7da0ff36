package io.diffyne.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void allowsABurstThenAsksToWait() {
        RateLimiter limiter = new RateLimiter(60, 10, now::get);
        for (int i = 0; i < 12; i++) {
            assertEquals(0, limiter.acquire("a"), "request " + i);
        }
        assertEquals(1, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("b"), "clients are limited separately");
        now.addAndGet(1_000_000_000L); // one second refills one token at 60/min
        assertEquals(0, limiter.acquire("a"));
        assertEquals(1, limiter.acquire("a"));
    }

    @Test
    void chargesByWorkAllOrNone() {
        RateLimiter limiter = new RateLimiter(60, 10, now::get); // burst 12, one token a second
        assertEquals(0, limiter.acquire("a", 5));
        assertEquals(0, limiter.acquire("a", 5));
        assertEquals(3, limiter.acquire("a", 5), "2 left, 3 missing at one a second");
        assertEquals(0, limiter.acquire("a", 2), "the refused charge took nothing");
        assertEquals(1, limiter.acquire("a"));
    }

    @Test
    void aChargeOverAFullBucketCostsAFullBucket() {
        RateLimiter limiter = new RateLimiter(60, 10, now::get); // burst 12
        assertEquals(0, limiter.acquire("a", 50));
        assertEquals(1, limiter.acquire("a"));
        assertEquals(12, limiter.acquire("a", 50), "waits for a full refill, never forever");
        now.addAndGet(12_000_000_000L);
        assertEquals(0, limiter.acquire("a", 50));
    }

    @Test
    void retryAfterGrowsWithASlowRate() {
        RateLimiter limiter = new RateLimiter(6, 10, now::get); // one token every 10 s, burst 10
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.acquire("a"));
        }
        assertEquals(10, limiter.acquire("a"));
    }

    @Test
    void zeroDisablesLimiting() {
        RateLimiter limiter = new RateLimiter(0, 10, now::get);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, limiter.acquire("a"));
        }
    }

    @Test
    void memoryStaysBoundedUnderManyClients() {
        RateLimiter limiter = new RateLimiter(60, 100, now::get);
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire("client-" + i);
        }
        assertTrue(limiter.trackedClients() <= 101, "tracked " + limiter.trackedClients());
    }
}
