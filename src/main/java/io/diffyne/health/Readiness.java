package io.diffyne.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the application is ready to serve: from the end of its start (the application scope's {@code @Initialized}
 * event, fired after every eager bean, the configuration included, has started) until its shutdown begins
 * ({@code @BeforeDestroyed}).
 */
@ApplicationScoped
public class Readiness {

    private final Clock clock;
    private volatile Instant readySince;
    private volatile boolean stopping;

    public Readiness() {
        this(Clock.systemUTC());
    }

    Readiness(Clock clock) {
        this.clock = clock;
    }

    void started(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        markStarted();
    }

    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        markStopping();
    }

    void markStarted() {
        readySince = clock.instant();
    }

    void markStopping() {
        stopping = true;
    }

    public boolean isReady() {
        return readySince != null && !stopping;
    }

    /** Whole seconds since the application became ready; 0 before that. */
    public long uptimeSeconds() {
        Instant since = readySince;
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toSeconds());
    }
}
