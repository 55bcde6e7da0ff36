package io.diffyne.runtime;

import jakarta.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One broadcast's delivery to the connections of this instance: made once per broadcast
 * ({@link DiffyneRuntime#delivery}) and handed to every connection's delivery
 * ({@link DiffyneRuntime#deliver(BroadcastDelivery, ClientContext)}), so that the components holding the same
 * (component type, state, shown tree) for the same caller run their listener and render once: the first connection
 * to need it computes it, the others wait for it and only sign and write their own push. Thread-safe.
 */
public final class BroadcastDelivery {

    private final BroadcastMessage message;
    /** The renders by component type, caller and the state's outline ({@link PushKey}). */
    private final ConcurrentMap<PushKey, Outline> renders = new ConcurrentHashMap<>();
    /**
     * The same renders by the identity of the state and tree objects a component holds: after one shared push every
     * receiver holds the very same objects, so most lookups end here, without hashing a whole state and tree.
     */
    private final ConcurrentMap<PushKey, FutureTask<PushRender>> byIdentity = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    public BroadcastDelivery(BroadcastMessage message) {
        this.message = Objects.requireNonNull(message, "message");
    }

    public BroadcastMessage message() {
        return message;
    }

    /** Distinct renders made so far (tests, diagnostics). */
    public int renders() {
        return count.get();
    }

    /**
     * The render for a component of type {@code component} holding {@code state} and showing {@code tree}, run for
     * {@code principal} with {@code roles}: computed here by {@code render} when nobody has, else the one computed
     * for an equal type, caller, state and tree, all by content.
     */
    PushRender shared(String component, JsonObject state, Object tree, String principal, Set<String> roles,
                      Supplier<PushRender> render) {
        PushKey held = PushKey.held(component, state, tree, principal, roles);
        FutureTask<PushRender> task = byIdentity.get(held);
        if (task == null) {
            FutureTask<PushRender> mine = new FutureTask<>(render::get);
            task = renders.computeIfAbsent(new PushKey(component, state, principal, roles), k -> new Outline())
                    .variantsFor(state).taskFor(tree, mine);
            byIdentity.putIfAbsent(held, task);
            if (task == mine) {
                count.incrementAndGet();
                mine.run();
            }
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    // the render runs on another delivery thread and ends on its own: wait for it
                    interrupted = true;
                } catch (ExecutionException e) {
                    // render never throws (failures are results); a bug of ours surfaces like any other
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The renders of one component type, caller and state outline, by state (compared by content): the first state
     * alone, without a hash of it, until a second one arrives; equal states are the usual reason for that, states of
     * their own that only differ deeper down are the other. Its own lock.
     */
    private static final class Outline {

        private JsonObject firstState;
        private Variants first;
        private Map<JsonObject, Variants> byState;

        synchronized Variants variantsFor(JsonObject state) {
            if (first == null) {
                firstState = state;
                first = new Variants();
                return first;
            }
            if (byState == null) {
                if (firstState == state || firstState.equals(state)) {
                    return first;
                }
                byState = new HashMap<>();
                byState.put(firstState, first);
                firstState = null;
            }
            return byState.computeIfAbsent(state, s -> new Variants());
        }
    }

    /**
     * The renders of one component type, state and caller, one per distinct tree shown (compared by content): a
     * chain that almost always has one link. Its own lock: only the components equal in all of the key meet here.
     */
    private static final class Variants {

        private Object tree;
        private FutureTask<PushRender> task;
        private Variants next;

        /** The task of a tree equal to {@code shown}, or {@code mine}, from now on that tree's. */
        synchronized FutureTask<PushRender> taskFor(Object shown, FutureTask<PushRender> mine) {
            Variants last = null;
            for (Variants v = this; v != null && v.task != null; v = v.next) {
                if (v.tree == shown || v.tree.equals(shown)) {
                    return v.task;
                }
                last = v;
            }
            Variants link = last == null ? this : new Variants();
            link.tree = shown;
            link.task = mine;
            if (last != null) {
                last.next = link;
            }
            return mine;
        }
    }
}
