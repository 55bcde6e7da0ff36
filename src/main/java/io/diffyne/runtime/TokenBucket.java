package io.diffyne.runtime;

/**
 * One client's request allowance: {@code perMinute} requests a minute, refilled continuously, with bursts of up to a
 * fifth of a minute's allowance (at least 10). Thread-safe.
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
    public synchronized boolean tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whole seconds until one token is available (for {@code Retry-After}), at least 1. */
    public synchronized long secondsUntilNext(long nowNanos) {
        refill(nowNanos);
        double missing = 1 - tokens;
        return missing <= 0 ? 1 : Math.max(1, (long) Math.ceil(missing / tokensPerNano / 1_000_000_000.0));
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
