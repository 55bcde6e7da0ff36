package io.diffyne.transport.websocket;

import java.util.ServiceLoader;
import java.util.concurrent.Executor;

/**
 * Submits to a container's managed executor under the platform class loader, and runs each task under the
 * application's. Payara's managed executors look up the Jakarta Concurrency {@code ThreadContextProvider}s with a
 * {@code ServiceLoader} in the submitting thread's context class loader on every submission: under the application's,
 * a scan of every jar the server and the application have (11 % of the delivery threads' samples in a broadcast to
 * 1,000 connections, issue 17). Under the platform class loader that lookup finds nothing to scan; the task then sets
 * the application's class loader itself, so component code sees what it would have seen. Used only when the
 * application has no {@code ThreadContextProvider} of its own ({@link #worthIt}), since those are the contexts the
 * lookup is for.
 */
final class LeanSubmission implements Executor {

    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private final Executor managed;
    private final ClassLoader application;

    LeanSubmission(Executor managed, ClassLoader application) {
        this.managed = managed;
        this.application = application;
    }

    /**
     * Whether {@code application} (the application's class loader) sees no third-party thread context provider, so
     * a submission that skips their lookup propagates everything a normal one does. False when the Concurrency API is
     * not there to ask.
     */
    static boolean worthIt(ClassLoader application) {
        try {
            return ServiceLoader.load(jakarta.enterprise.concurrent.spi.ThreadContextProvider.class, application)
                    .stream().findAny().isEmpty();
        } catch (LinkageError | java.util.ServiceConfigurationError e) {
            return false;
        }
    }

    @Override
    public void execute(Runnable task) {
        Thread thread = Thread.currentThread();
        ClassLoader submitter = thread.getContextClassLoader();
        thread.setContextClassLoader(PLATFORM);
        try {
            managed.execute(() -> {
                Thread runner = Thread.currentThread();
                ClassLoader given = runner.getContextClassLoader();
                runner.setContextClassLoader(application);
                try {
                    task.run();
                } finally {
                    runner.setContextClassLoader(given);
                }
            });
        } finally {
            thread.setContextClassLoader(submitter);
        }
    }
}
