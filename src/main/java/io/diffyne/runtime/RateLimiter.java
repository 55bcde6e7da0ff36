package io.diffyne.runtime;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-client rate limiting ({@code DIFFYNE_RATE_LIMIT} requests a minute) keyed by a client identity (an address, a
 * client id). Memory is bounded: at most {@code maxClients} buckets; full buckets are forgotten first, and when every
 * bucket is busy new clients share one overflow bucket rather than growing the map.
 */
public final class RateLimiter {

    private static final String OVERFLOW = "\u0000overflow";

    private final int perMinute;
    private final int maxClients;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute, int maxClients, LongSupplier clock) {
        this.perMinute = perMinute;
        this.maxClients = maxClients;
        this.clock = clock;
    }

    public RateLimiter(int perMinute) {
        this(perMinute, 100_000, System::nanoTime);
    }

    /** Whether limiting is on at all ({@code DIFFYNE_RATE_LIMIT=0} turns it off). */
    public boolean enabled() {
        return perMinute > 0;
    }

    /** Takes one request from {@code client}'s allowance; 0 when allowed, else the seconds to wait (Retry-After). */
    public long acquire(String client) {
        return acquire(client, 1);
    }

    /**
     * Takes {@code cost} units of work (all or none, at most a full bucket, see {@link TokenBucket}) from
     * {@code client}'s allowance; 0 when allowed, else the seconds to wait (Retry-After).
     */
    public long acquire(String client, int cost) {
        if (!enabled()) {
            return 0;
        }
        long now = clock.getAsLong();
        TokenBucket bucket = bucketFor(client, now);
        return bucket.tryTake(now, cost) ? 0 : bucket.secondsUntil(now, cost);
    }

    private TokenBucket bucketFor(String client, long now) {
        TokenBucket bucket = buckets.get(client);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= maxClients) {
            forgetIdle(now);
            if (buckets.size() >= maxClients) {
                return buckets.computeIfAbsent(OVERFLOW, k -> new TokenBucket(perMinute, now));
            }
        }
        return buckets.computeIfAbsent(client, k -> new TokenBucket(perMinute, now));
    }

    private void forgetIdle(long now) {
        for (Iterator<TokenBucket> it = buckets.values().iterator(); it.hasNext(); ) {
            if (it.next().full(now)) {
                it.remove();
            }
        }
    }

    int trackedClients() {
        return buckets.size();
    }
}
