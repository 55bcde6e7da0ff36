package io.diffyne.transport.websocket;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

/**
 * One periodic check per instance that closes silent connections, instead of the container's per-session idle
 * timer. Tyrus (Payara) re-arms that timer on every message and a cancelled timer stays queued until its delay runs
 * out, so at thousands of messages a second dead timers fill the heap; and the timer armed in the session's
 * constructor can fire just after {@code onOpen} set a timeout, closing a connection before it is greeted. Clients
 * ping every 25 s, so a sweep every tenth of the timeout (at most 30 s) is cheap and precise enough.
 */
final class IdleSweep implements AutoCloseable {

    private static final Duration MAX_PERIOD = Duration.ofSeconds(30);

    private final ScheduledFuture<?> sweeping;

    /** Schedules {@code sweep} on {@code timer} (the container's managed scheduler, or one of ours). */
    IdleSweep(ScheduledExecutorService timer, Duration idleTimeout, Runnable sweep) {
        long period = Math.max(1_000, Math.min(MAX_PERIOD.toMillis(), idleTimeout.toMillis() / 10));
        sweeping = timer.scheduleWithFixedDelay(() -> {
            try {
                sweep.run();
            } catch (RuntimeException e) {
                // a failed sweep must not cancel the next ones
                WebSocketLog.LOG.log(Level.WARNING, "Idle connection sweep failed: " + e, e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        sweeping.cancel(false);
    }
}
