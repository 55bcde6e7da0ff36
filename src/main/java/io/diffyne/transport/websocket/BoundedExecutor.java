package io.diffyne.transport.websocket;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks on another executor, at most {@code limit} at a time, the rest waiting in order: a broadcast to a
 * thousand connections queues a thousand delivery lanes, and they take turns on a few threads (a container's managed
 * executor may start one thread per task) instead of all rendering at once. A task that waits here is never lost: a
 * refusal by the executor below is passed on to the one whose task it was, when it was the one submitting.
 */
final class BoundedExecutor implements Executor {

    private final Executor executor;
    private final int limit;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int running;

    BoundedExecutor(Executor executor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.executor = executor;
        this.limit = limit;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (running >= limit) {
                waiting.add(task);
                return;
            }
            running++;
        }
        start(task);
    }

    /** Tasks waiting for a turn (tests). */
    synchronized int waiting() {
        return waiting.size();
    }

    private void start(Runnable first) {
        try {
            executor.execute(() -> runFrom(first));
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                running--;
            }
            throw e;
        }
    }

    /** Runs {@code task}, then the waiting ones, until none waits: a turn is handed on without a new submission. */
    private void runFrom(Runnable task) {
        Runnable next = task;
        while (next != null) {
            try {
                next.run();
            } catch (RuntimeException e) {
                WebSocketLog.LOG.log(java.util.logging.Level.SEVERE, "A WebSocket delivery task failed", e);
            }
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    running--;
                }
            }
        }
    }
}
