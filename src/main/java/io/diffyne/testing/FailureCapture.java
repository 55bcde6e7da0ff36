package io.diffyne.testing;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Catches the exception the runtime logs when component code fails ({@code server_error}), so the test fails with it
 * as the cause instead of the generic message the browser gets. Open it around one request, on the request's thread.
 */
final class FailureCapture extends Handler implements AutoCloseable {

    private static final Logger RUNTIME = Logger.getLogger("diffyne.runtime");

    private final long thread = Thread.currentThread().getId();
    private volatile Throwable thrown;

    private FailureCapture() {
        setLevel(Level.SEVERE);
    }

    static FailureCapture open() {
        FailureCapture capture = new FailureCapture();
        RUNTIME.addHandler(capture);
        return capture;
    }

    /** The first exception the runtime logged on this thread while open; null when none. */
    Throwable thrown() {
        return thrown;
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getThrown() != null && record.getLevel().intValue() >= Level.SEVERE.intValue()
                && record.getLongThreadID() == thread && thrown == null) {
            thrown = record.getThrown();
        }
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        RUNTIME.removeHandler(this);
    }
}
