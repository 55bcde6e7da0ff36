package io.diffyne.runtime;

/**
 * One client's allowance of work: {@code perMinute} units a minute (a request, an action of a batch, a snapshot
 * registered or a broadcast replayed by a resume), refilled continuously, with bursts of up to a fifth of a minute's
 * allowance (at least 10). A charge larger than a full bucket costs a full bucket, so work that is allowed at all
 * can always go through after a full refill. Thread-safe.
 */
public final class TokenBucket {

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long last;

    public TokenBucket(int perMinute, long nowNanos) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be positive");
        }
        this.capacity = Math.max(10, perMinute / 5.0);
        this.tokensPerNano = perMinute / (double) NANOS_PER_MINUTE;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** Takes one token; false when the client must wait. */
    public boolean tryTake(long nowNanos) {
        return tryTake(nowNanos, 1);
    }

    /** Takes {@code cost} tokens (at most a full bucket), all or none; false when the client must wait. */
    public synchronized boolean tryTake(long nowNanos, int cost) {
        refill(nowNanos);
        double charge = charge(cost);
        if (tokens >= charge) {
            tokens -= charge;
            return true;
        }
        return false;
    }

    /** Whole seconds until one token is available (for {@code Retry-After}), at least 1. */
    public long secondsUntilNext(long nowNanos) {
        return secondsUntil(nowNanos, 1);
    }

    /** Whole seconds until {@code cost} tokens (at most a full bucket) are available, at least 1. */
    public synchronized long secondsUntil(long nowNanos, int cost) {
        refill(nowNanos);
        double missing = charge(cost) - tokens;
        return missing <= 0 ? 1 : Math.max(1, (long) Math.ceil(missing / tokensPerNano / 1_000_000_000.0));
    }

    private double charge(int cost) {
        if (cost < 1) {
            throw new IllegalArgumentException("cost must be positive");
        }
        return Math.min(cost, capacity);
    }

    /** Whether the bucket is full again, so a keyed limiter may forget it. */
    synchronized boolean full(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - last;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            last = nowNanos;
        }
    }
}
