package io.diffyne.transport.websocket;

import io.diffyne.runtime.OwnThreads;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The threads the WebSocket transport runs background work on (broadcast deliveries, the idle sweep): the server's
 * default managed executors (Jakarta Concurrency, in the Web Profile since EE 10: Payara, WildFly), so component code
 * runs with the container's context (naming, class loader, security); where there are none (a plain servlet
 * container, unit tests), a bounded pool and one timer thread of our own, shut down by {@link #close()}. The
 * container's executors are never shut down here: they belong to the server.
 */
final class SocketThreads implements AutoCloseable {

    static final String EXECUTOR_JNDI = "java:comp/DefaultManagedExecutorService";
    static final String SCHEDULER_JNDI = "java:comp/DefaultManagedScheduledExecutorService";
    /** How long {@link #close()} waits for threads of our own to end. */
    static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /** Delivery lanes running at once: enough to keep every core busy, few enough not to thrash. */
    static final int DELIVERY_CONCURRENCY = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());

    private final ExecutorService deliveries;
    private final BoundedExecutor lanes;
    private final ScheduledExecutorService timer;
    /** The threads of our own behind {@link #deliveries} and {@link #timer}; empty for the container's executors. */
    private final List<OwnThreads> own;

    private SocketThreads(ExecutorService deliveries, ScheduledExecutorService timer, List<OwnThreads> own) {
        this(deliveries, deliveries, timer, own);
    }

    private SocketThreads(ExecutorService deliveries, java.util.concurrent.Executor submission,
                          ScheduledExecutorService timer, List<OwnThreads> own) {
        this.deliveries = deliveries;
        this.lanes = new BoundedExecutor(submission, DELIVERY_CONCURRENCY);
        this.timer = timer;
        this.own = own;
    }

    /** The container's managed executors when both are bound, else threads of our own. */
    static SocketThreads lookUp() {
        try {
            InitialContext naming = new InitialContext();
            ExecutorService executor = (ExecutorService) naming.lookup(EXECUTOR_JNDI);
            ScheduledExecutorService scheduler = (ScheduledExecutorService) naming.lookup(SCHEDULER_JNDI);
            WebSocketLog.LOG.info(() -> "WebSocket deliveries run on the container's " + EXECUTOR_JNDI);
            ClassLoader application = Thread.currentThread().getContextClassLoader();
            return new SocketThreads(executor, LeanSubmission.worthIt(application)
                    ? new LeanSubmission(executor, application) : executor, scheduler, List.of());
        } catch (NamingException | ClassCastException | NoClassDefFoundError e) {
            WebSocketLog.LOG.log(Level.INFO, "No " + EXECUTOR_JNDI + " here; WebSocket deliveries run on "
                    + "a bounded pool of Diffyne's own");
            return own(Math.max(2, Runtime.getRuntime().availableProcessors()));
        }
    }

    /** {@code threads} daemon delivery threads and one timer thread. */
    static SocketThreads own(int threads) {
        OwnThreads delivery = OwnThreads.numbered("diffyne-ws-delivery");
        OwnThreads timing = OwnThreads.named("diffyne-ws-timer");
        // at most one task per connection is ever queued (SerialLane), so the queue is bounded by the connections
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), delivery);
        pool.allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, timing);
        timer.setRemoveOnCancelPolicy(true);
        return new SocketThreads(pool, timer, List.of(delivery, timing));
    }

    ExecutorService deliveries() {
        return deliveries;
    }

    /** The delivery lanes' executor: {@link #deliveries()}, at most {@link #DELIVERY_CONCURRENCY} tasks at a time. */
    java.util.concurrent.Executor lanes() {
        return lanes;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    /** Whether these are the container's managed executors. */
    boolean managed() {
        return own.isEmpty();
    }

    /**
     * Stops threads of our own and waits until each has ended, at most {@link #STOP_WAIT} in all, so none is still
     * running when the container checks what the application left behind (Tomcat does right after the application
     * stops).
     */
    @Override
    public void close() {
        if (!own.isEmpty()) {
            deliveries.shutdownNow();
            timer.shutdownNow();
            try {
                long deadline = System.nanoTime() + STOP_WAIT.toNanos();
                boolean ended = true;
                for (OwnThreads threads : own) {
                    ended &= threads.awaitEnd(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                }
                if (!ended) {
                    WebSocketLog.LOG.warning(() -> "WebSocket delivery threads still running " + STOP_WAIT.toSeconds()
                            + " s after the application stopped");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
