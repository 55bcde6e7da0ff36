package io.diffyne.runtime;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Remembers the result of recent actions by what identifies the action ({@link ActionKey}) so a retried request — the
 * client lost the answer on a dropped socket and sent it again, perhaps over the other transport — gets the first
 * result instead of running the action twice. Only answers are remembered: a refusal that ran nothing (resend the
 * snapshot, stale, malformed, …) must not stand in for the retry that fixes it. A repeat that arrives while the first
 * is still running waits for it. Bounded in size, bytes and age; per instance (a retry that lands on another node
 * re-runs against the snapshot it carries, unless a cluster-wide {@link ActionAnswers} replaces this one).
 */
public final class IdempotencyCache implements ActionAnswers {

    private record Entry(String key, long at, int bytes) {
    }

    private final int maxEntries;
    private final long maxBytes;
    private final long ttlNanos;
    private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    private final LongSupplier clock;
    private final Map<String, CompletableFuture<ActionResult>> results = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Entry> order = new ConcurrentLinkedQueue<>();

    public IdempotencyCache(int maxEntries, long maxBytes, long ttlMillis, LongSupplier clock) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.ttlNanos = TimeUnit.MILLISECONDS.toNanos(ttlMillis);
        this.clock = clock;
    }

    public IdempotencyCache() {
        this(20_000, 32L << 20, 120_000, System::nanoTime);
    }

    @Override
    public ActionResult once(String key, Supplier<ActionResult> action, Predicate<ActionResult> answer) {
        if (key == null) {
            return action.get();
        }
        expire();
        CompletableFuture<ActionResult> mine = new CompletableFuture<>();
        CompletableFuture<ActionResult> first = results.putIfAbsent(key, mine);
        if (first != null) {
            ActionResult earlier = await(first, action);
            return earlier != null ? earlier : once(key, action, answer);
        }
        try {
            ActionResult result = action.get();
            if (!answer.test(result)) {
                results.remove(key, mine);
                mine.complete(null);
                return result;
            }
            // remembered by size too: one large response must not pin the heap for two minutes per request
            int size = result.json().length() * 2;
            order.add(new Entry(key, clock.getAsLong(), size));
            bytes.addAndGet(size);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            // a failure that escaped the runtime is not an answer: let a retry run again
            results.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    int size() {
        return results.size();
    }

    private static ActionResult await(CompletableFuture<ActionResult> first, Supplier<ActionResult> action) {
        try {
            return first.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a duplicate request", e);
        } catch (ExecutionException | TimeoutException e) {
            return action.get();
        }
    }

    private void expire() {
        long now = clock.getAsLong();
        Entry head;
        while ((head = order.peek()) != null
                && (now - head.at() > ttlNanos || results.size() > maxEntries || bytes.get() > maxBytes)) {
            if (order.remove(head)) {
                results.remove(head.key());
                bytes.addAndGet(-head.bytes());
            }
        }
    }
}
