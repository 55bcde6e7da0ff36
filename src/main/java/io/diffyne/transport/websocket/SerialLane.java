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
    /** Made by the first task: most connections never get a broadcast delivery (the empty deque is 112 B). */
    private ArrayDeque<Runnable> tasks;
    private boolean scheduled;
    private boolean closed;

    SerialLane(Executor executor, int maxPending) {
        this.executor = executor;
        this.maxPending = maxPending;
    }

    /** False when the lane is full or closed (the task is dropped). */
    boolean submit(Runnable task) {
        synchronized (this) {
            if (closed || tasks != null && tasks.size() >= maxPending) {
                return false;
            }
            if (tasks == null) {
                tasks = new ArrayDeque<>(1);
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
                tasks = null;
            }
            return false;
        }
    }

    synchronized void close() {
        closed = true;
        tasks = null;
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = tasks == null ? null : tasks.poll();
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
