package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.websocket.DemoPage;
import io.diffyne.transport.websocket.TestSocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 2,000 page connects back to back while other clients keep the server's CPU busy (page renders and counter clicks
 * over WebSocket): every connect is greeted, none is closed by anyone but the client, and the open-connection count
 * returns to zero. Guards against the container's idle timer closing sessions while they open (see IdleSweep).
 */
class WebSocketConnectStormIT extends AbstractDiffyneIT {

    private static final Logger LOG = Logger.getLogger(WebSocketConnectStormIT.class.getName());
    private static final int CONNECTS = 2_000;
    private static final int PAGE_LOADERS = 2;
    private static final int CLICKERS = 6;
    /** Below DIFFYNE_RATE_LIMIT's 600 a minute per connection. */
    private static final long CLICK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(120);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern VERSION = Pattern.compile("\"v\":(\\d+),\"sig\":\"([A-Za-z0-9_-]{22})\"");

    @Test
    @Timeout(360)
    void everyConnectUnderLoadIsGreetedAndOnlyTheClientClosesIt() throws Exception {
        String token = TestSocket.pageToken(loopbackBase());
        assertEquals(0, TestSocket.awaitOpenConnections(loopbackBase(), 0, WAIT));
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong pages = new AtomicLong();
        AtomicLong clicks = new AtomicLong();
        ExecutorService load = Executors.newFixedThreadPool(PAGE_LOADERS + CLICKERS);
        List<Future<?>> loaders = new ArrayList<>();
        try {
            for (int i = 0; i < PAGE_LOADERS; i++) {
                loaders.add(load.submit(() -> {
                    while (loading.get()) {
                        DemoPage.get(loopbackBase(), "");
                        pages.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (int i = 0; i < CLICKERS; i++) {
                loaders.add(load.submit(() -> {
                    clickUntil(loading, token, clicks);
                    return null;
                }));
            }

            long start = System.nanoTime();
            long budget = Duration.ofMinutes(5).toNanos();
            int done = 0;
            for (; done < CONNECTS && System.nanoTime() - start < budget; done++) {
                TestSocket socket = TestSocket.connectAsPage(loopbackBase(), token); // fails without a greeting
                int n = done;
                assertFalse(socket.isClosed(), () -> "connect " + n + " was closed by the server: " + socket.awaitClose(WAIT));
                socket.close();
                TestSocket.Closed closed = socket.awaitClose(WAIT);
                assertEquals(1000, closed.code(), "connect " + done + " ended by the client's own close: " + closed);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            loading.set(false);
            for (Future<?> loader : loaders) {
                loader.get(30, TimeUnit.SECONDS); // a loader's failure fails the test
            }
            LOG.info(done + " page connects in " + millis + " ms beside " + pages.get() + " page renders and "
                    + clicks.get() + " counter clicks");
            assertEquals(CONNECTS, done, "connects finished within the time budget");
            assertTrue(pages.get() > 0 && clicks.get() > 0, "the server was loaded meanwhile");
        } finally {
            loading.set(false);
            load.shutdownNow();
            assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals(0, TestSocket.awaitOpenConnections(loopbackBase(), 0, WAIT));
    }

    /** Clicks the demo counter over one connection, by reference to the last version, until told to stop. */
    private void clickUntil(AtomicBoolean loading, String token, AtomicLong clicks) {
        DemoPage page = DemoPage.get(loopbackBase(), "");
        String id = page.id("counter");
        try (TestSocket socket = TestSocket.connectAsPage(loopbackBase(), token)) {
            String basis = "\"snapshot\":" + page.snapshot("counter");
            long next = System.nanoTime();
            for (int n = 1; loading.get(); n++) {
                socket.send("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"s" + n + "\","
                        + basis + ",\"method\":\"increment\"}}");
                String answer = socket.next(WAIT);
                Matcher m = VERSION.matcher(answer);
                assertTrue(answer.contains("\"sd\":[[\"p\",\"/count\"," + n + "]]") && m.find(), answer);
                basis = "\"ref\":{\"id\":\"" + id + "\",\"version\":" + m.group(1) + ",\"sig\":\"" + m.group(2) + "\"}";
                clicks.incrementAndGet();
                next += CLICK_INTERVAL_NANOS;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // paces the clicks under the rate limit; waits for nothing
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
