package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class HttpSchedulerTest {

    /** Without a container (no JNDI here) the timer is a thread of its own, ended when stop() returns. */
    @Test
    void withoutAContainerTheTimerIsAThreadOfItsOwnThatHasEndedWhenStopReturns() throws Exception {
        HttpScheduler scheduler = new HttpScheduler();
        scheduler.start();
        CountDownLatch started = new CountDownLatch(1);
        String[] name = new String[1];
        scheduler.executor().schedule(() -> {
            name[0] = Thread.currentThread().getName();
            started.countDown();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // a heartbeat that does not notice the interrupt at once
            }
        }, 1, TimeUnit.MILLISECONDS);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        scheduler.stop();
        assertTrue(scheduler.executor().isTerminated());
        assertTrue("diffyne-http-timer".equals(name[0]), name[0]);
    }
}
