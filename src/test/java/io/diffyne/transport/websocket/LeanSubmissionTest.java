package io.diffyne.transport.websocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeanSubmissionTest {

    private final ClassLoader application = new URLClassLoader(new URL[0], getClass().getClassLoader());

    @Test
    void submitsUnderThePlatformLoaderAndRunsUnderTheApplications() {
        AtomicReference<ClassLoader> atSubmission = new AtomicReference<>();
        AtomicReference<ClassLoader> inTask = new AtomicReference<>();
        List<Runnable> submitted = new ArrayList<>();
        LeanSubmission lean = new LeanSubmission(task -> {
            atSubmission.set(Thread.currentThread().getContextClassLoader());
            submitted.add(task);
        }, application);
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        lean.execute(() -> inTask.set(Thread.currentThread().getContextClassLoader()));

        assertSame(ClassLoader.getPlatformClassLoader(), atSubmission.get(), "what the container's lookup sees");
        assertSame(before, Thread.currentThread().getContextClassLoader(), "the submitter's loader is given back");
        // the container's thread runs the task with whatever loader it restored (here: the platform's)
        Thread.currentThread().setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            submitted.get(0).run();
            assertSame(application, inTask.get(), "component code runs under the application's loader");
            assertSame(ClassLoader.getPlatformClassLoader(), Thread.currentThread().getContextClassLoader(),
                    "the container's thread gets its own loader back");
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void aFailingTaskStillGivesTheRunnerItsLoaderBack() {
        List<Runnable> submitted = new ArrayList<>();
        new LeanSubmission(submitted::add, application).execute(() -> {
            throw new IllegalStateException("component failed");
        });
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try {
            submitted.get(0).run();
        } catch (IllegalStateException expected) {
            assertEquals("component failed", expected.getMessage());
        }
        assertSame(before, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void worthItOnlyWithoutAThreadContextProviderOfTheApplications(@TempDir Path dir) throws Exception {
        assertTrue(LeanSubmission.worthIt(application), "no provider on the test class path");
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("jakarta.enterprise.concurrent.spi.ThreadContextProvider"),
                "com.example.TenantContextProvider\n");
        try (URLClassLoader withProvider = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            assertFalse(LeanSubmission.worthIt(withProvider), "its contexts need the container's lookup");
        }
    }
}
