package io.diffyne.health;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's context path, for callers outside any request of it: the platform's health endpoints call the
 * readiness check from another application (Payara's at the server root) or from the management interface (WildFly).
 * Set once at start by {@link HealthPath}, the framework's own listener, which every server runs with the real
 * servlet context (an observer of the application scope's start is not given that context on every server).
 */
@ApplicationScoped
public class ContextRoot {

    private volatile String path = "";

    void set(String contextPath) {
        path = contextPath == null ? "" : contextPath;
    }

    /** {@code ""} at the root, else e.g. {@code /diffyne}. */
    public String path() {
        return path;
    }
}
