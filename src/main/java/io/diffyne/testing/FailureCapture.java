package io.diffyne.testing;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Catches the exception the runtime logs when component code fails ({@code server_error}), so the test fails with it
 * as the cause instead of the generic message the browser gets; the log line itself is then left out, the test's
 * failure saying it all. Open it around one request, on the request's thread; other threads' records pass as before.
 */
final class FailureCapture implements AutoCloseable {

    private static final Logger RUNTIME = Logger.getLogger("diffyne.runtime");
    private static final ThreadLocal<FailureCapture> OPEN = new ThreadLocal<>();

    static {
        Filter previous = RUNTIME.getFilter();
        RUNTIME.setFilter(record -> {
            FailureCapture capture = OPEN.get();
            if (capture != null && record.getThrown() != null
                    && record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                capture.caught(record);
                return false;
            }
            return previous == null || previous.isLoggable(record);
        });
    }

    private final FailureCapture outer;
    private Throwable thrown;

    private FailureCapture() {
        this.outer = OPEN.get();
    }

    static FailureCapture open() {
        FailureCapture capture = new FailureCapture();
        OPEN.set(capture);
        return capture;
    }

    /** The first exception the runtime logged on this thread while open; null when none. */
    Throwable thrown() {
        return thrown;
    }

    private void caught(LogRecord record) {
        if (thrown == null) {
            thrown = record.getThrown();
        }
    }

    @Override
    public void close() {
        if (outer == null) {
            OPEN.remove();
        } else {
            OPEN.set(outer);
        }
    }
}
