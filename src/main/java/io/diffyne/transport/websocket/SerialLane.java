package io.diffyne.transport.websocket;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;

/**
 * Runs one connection's background work (broadcast deliveries) one task at a time, in submission order, on a shared
 * pool: a connection never occupies more than one thread, and at most {@code maxPending} tasks wait.
 */
final class SerialLane {

    private final Executor executor;
    private final int maxPending;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled;
    private boolean closed;

    SerialLane(Executor executor, int maxPending) {
        this.executor = executor;
        this.maxPending = maxPending;
    }

    /** False when the lane is full or closed (the task is dropped). */
    boolean submit(Runnable task) {
        synchronized (this) {
            if (closed || tasks.size() >= maxPending) {
                return false;
            }
            tasks.add(task);
            if (scheduled) {
                return true;
            }
            scheduled = true;
        }
        try {
            executor.execute(this::drain);
            return true;
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                scheduled = false;
                tasks.clear();
            }
            return false;
        }
    }

    synchronized void close() {
        closed = true;
        tasks.clear();
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = tasks.poll();
                if (task == null) {
                    scheduled = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                WebSocketLog.LOG.log(Level.SEVERE, "A WebSocket delivery task failed", e);
            }
        }
    }
}
