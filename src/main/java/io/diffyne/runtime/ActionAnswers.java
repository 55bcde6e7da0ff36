package io.diffyne.runtime;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Where the answers to recent actions are remembered by {@link ActionKey}, so a retried {@code requestId} gets the
 * first answer instead of running the action twice. {@link IdempotencyCache} is the per-instance default; a
 * cluster-wide store (see {@code io.diffyne.cluster}) answers a retry that lands on another node.
 */
public interface ActionAnswers {

    /**
     * Runs {@code action} once per key; repeats get the same result while it is remembered, and a repeat that
     * arrives while the first still runs waits for it. Without a key (no requestId) nothing is remembered; a result
     * {@code answer} rejects is forgotten at once, and a repeat that waited for it runs itself.
     */
    ActionResult once(String key, Supplier<ActionResult> action, Predicate<ActionResult> answer);
}
