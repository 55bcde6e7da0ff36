package io.diffyne.runtime;

import java.util.Objects;
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

    /** The render for {@code key}: computed here by {@code render} when nobody has, else the one computed. */
    PushRender shared(PushKey key, Supplier<PushRender> render) {
        FutureTask<PushRender> mine = new FutureTask<>(render::get);
        FutureTask<PushRender> existing = renders.putIfAbsent(key, mine);
        FutureTask<PushRender> task = existing == null ? mine : existing;
        if (existing == null) {
            mine.run();
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
