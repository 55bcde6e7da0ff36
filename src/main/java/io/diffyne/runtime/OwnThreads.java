package io.diffyne.runtime;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads of Diffyne's own (where the server offers no managed executor: Tomcat, unit tests), remembered so
 * that stopping can wait until each has really ended. An executor's {@code awaitTermination} returns when its last
 * worker has left the pool, a moment before that thread ends; Tomcat looks for the application's live threads right
 * after it stopped, and reported one still ending as "appears to have started a thread … but has failed to stop it".
 * Only threads that may still be alive are held, so a pool whose idle threads time out and are replaced does not make
 * this grow.
 */
public final class OwnThreads implements ThreadFactory {

    private final String name;
    private final boolean numbered;
    private final AtomicInteger count = new AtomicInteger();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    private OwnThreads(String name, boolean numbered) {
        this.name = name;
        this.numbered = numbered;
    }

    /** Threads named {@code prefix-1}, {@code prefix-2}, … */
    public static OwnThreads numbered(String prefix) {
        return new OwnThreads(prefix, true);
    }

    /** Threads all named {@code name} (a pool of one). */
    public static OwnThreads named(String name) {
        return new OwnThreads(name, false);
    }

    @Override
    public Thread newThread(Runnable task) {
        threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
        Thread thread = new Thread(task, numbered ? name + "-" + count.incrementAndGet() : name);
        thread.setDaemon(true);
        threads.add(thread);
        return thread;
    }

    /**
     * Waits until every thread made here has ended, at most {@code timeout} in all; true when they have. Call it after
     * the executor using this factory was shut down.
     */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            for (long left = deadline - System.nanoTime(); thread.isAlive() && left > 0;
                    left = deadline - System.nanoTime()) {
                thread.join(Math.max(1, left / 1_000_000));
            }
        }
        threads.removeIf(t -> !t.isAlive());
        return threads.isEmpty();
    }

    /** Threads held: made here and not known to have ended (tests). */
    int held() {
        return threads.size();
    }

    /** Threads made here that have not ended yet. */
    public int alive() {
        return (int) threads.stream().filter(Thread::isAlive).count();
    }
}
