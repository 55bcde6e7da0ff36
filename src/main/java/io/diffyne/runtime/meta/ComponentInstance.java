package io.diffyne.runtime.meta;

import io.diffyne.component.Component;

import java.util.Objects;

/**
 * A component instance together with how to release it. Close it when the instance is no longer needed (after the
 * request, or when a WebSocket connection drops the live instance): a CDI-made instance is destroyed, running its
 * {@code @PreDestroy} and releasing its {@code @Dependent} injections.
 */
public final class ComponentInstance implements AutoCloseable {

    private final Component component;
    private Runnable release;

    public ComponentInstance(Component component, Runnable release) {
        this.component = Objects.requireNonNull(component, "component");
        this.release = Objects.requireNonNull(release, "release");
    }

    public Component component() {
        return component;
    }

    /** Releases the instance; later calls do nothing. */
    @Override
    public void close() {
        Runnable r = release;
        release = null;
        if (r != null) {
            r.run();
        }
    }
}
