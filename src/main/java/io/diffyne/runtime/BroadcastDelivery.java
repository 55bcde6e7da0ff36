package io.diffyne.runtime;

import jakarta.json.JsonObject;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
    private final ConcurrentMap<PushKey, FutureTask<PushRender>> renders = new ConcurrentHashMap<>();
    /**
     * The same renders by the identity of the state and tree objects a component holds: after one shared push every
     * receiver holds the very same objects, so most lookups end here, without hashing a whole state and tree.
     */
    private final ConcurrentMap<PushKey, FutureTask<PushRender>> byIdentity = new ConcurrentHashMap<>();

    public BroadcastDelivery(BroadcastMessage message) {
        this.message = Objects.requireNonNull(message, "message");
    }

    public BroadcastMessage message() {
        return message;
    }

    /** Distinct renders made so far (tests, diagnostics). */
    public int renders() {
        return renders.size();
    }

    /**
     * The render for a component of type {@code component} holding {@code state} and showing {@code tree}, run for
     * {@code principal} with {@code roles}: computed here by {@code render} when nobody has, else the one computed
     * for an equal key (by content: {@link PushKey}).
     */
    PushRender shared(String component, JsonObject state, Object tree, String principal, Set<String> roles,
                      Supplier<PushRender> render) {
        PushKey held = PushKey.held(component, state, tree, principal, roles);
        FutureTask<PushRender> task = byIdentity.get(held);
        if (task == null) {
            FutureTask<PushRender> mine = new FutureTask<>(render::get);
            FutureTask<PushRender> existing = renders.putIfAbsent(new PushKey(component, state, tree, principal,
                    roles), mine);
            task = existing == null ? mine : existing;
            byIdentity.putIfAbsent(held, task);
            if (existing == null) {
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
}
