package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SocketThreadsTest {

    @Test
    void withoutAContainerItRunsOnBoundedThreadsOfItsOwnAndStopsThemOnClose() throws Exception {
        SocketThreads threads = SocketThreads.lookUp(); // no JNDI in a unit test
        assertFalse(threads.managed());
        CountDownLatch ran = new CountDownLatch(2);
        String[] names = new String[2];
        threads.deliveries().execute(() -> {
            names[0] = Thread.currentThread().getName();
            ran.countDown();
        });
        threads.timer().schedule(() -> {
            names[1] = Thread.currentThread().getName();
            ran.countDown();
        }, 1, TimeUnit.MILLISECONDS);
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertTrue(names[0].startsWith("diffyne-ws-delivery-"), names[0]);
        assertTrue(names[1].equals("diffyne-ws-timer"), names[1]);

        threads.close();
        assertThrows(RejectedExecutionException.class, () -> threads.deliveries().execute(() -> { }));
        assertTrue(threads.deliveries().awaitTermination(5, TimeUnit.SECONDS));
        assertTrue(threads.timer().awaitTermination(5, TimeUnit.SECONDS));
    }

    /** Tomcat looks for threads the application left running right after it stopped: close() returns after them. */
    @Test
    void closeReturnsOnceADeliveryInProgressHasEnded() throws Exception {
        SocketThreads threads = SocketThreads.own(1);
        CountDownLatch started = new CountDownLatch(1);
        threads.deliveries().execute(() -> {
            started.countDown();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // a delivery that does not notice the interrupt at once
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        threads.close();
        assertTrue(threads.deliveries().isTerminated());
        assertTrue(threads.timer().isTerminated());
    }

    @Test
    void closingTheIdleSweepCancelsItsTaskAndLeavesTheTimerRunning() throws Exception {
        try (SocketThreads threads = SocketThreads.own(1)) {
            CountDownLatch swept = new CountDownLatch(1);
            IdleSweep sweep = new IdleSweep(threads.timer(), Duration.ofSeconds(10), swept::countDown);
            assertTrue(swept.await(5, TimeUnit.SECONDS), "one sweep a second at a 10 s timeout");
            sweep.close();
            // a container's timer is shared: the sweep's end must not stop it
            CountDownLatch still = new CountDownLatch(1);
            threads.timer().schedule(still::countDown, 1, TimeUnit.MILLISECONDS);
            assertTrue(still.await(5, TimeUnit.SECONDS));
        }
    }
}
