package io.diffyne.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Stops a server a test started: exactly that process and its descendants, by PID, never by name. */
final class OwnProcesses {

    private OwnProcesses() {
    }

    /**
     * SIGTERM to {@code started} and every descendant of it (a server shuts down gracefully on it), SIGKILL to those
     * still running after 30 s.
     */
    static void stop(Process started) throws InterruptedException {
        List<ProcessHandle> own;
        try (Stream<ProcessHandle> descendants = started.toHandle().descendants()) {
            own = new ArrayList<>(descendants.toList());
        }
        own.add(started.toHandle());
        own.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle process : own) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                process.destroyForcibly();
            }
        }
        started.waitFor(10, TimeUnit.SECONDS);
    }
}
