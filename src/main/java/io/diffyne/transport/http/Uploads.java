package io.diffyne.transport.http;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.DiffyneSettings;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

/**
 * The application's upload store, configured from {@code DIFFYNE_UPLOAD_*}, and its janitor: files older than
 * {@link #MAX_AGE} are deleted at start and then every {@link #SWEEP_EVERY}.
 */
@ApplicationScoped
public class Uploads {

    static final Duration MAX_AGE = Duration.ofHours(24);
    static final Duration SWEEP_EVERY = Duration.ofHours(1);

    @Inject
    DiffyneConfig config;

    @Inject
    HttpScheduler scheduler;

    private UploadStore store;
    private ScheduledFuture<?> sweeper;

    public Uploads() {
        // for CDI
    }

    /** For tests: a given store, no janitor. */
    Uploads(UploadStore store) {
        this.store = store;
    }

    @PostConstruct
    void init() {
        DiffyneSettings settings = config.settings();
        store = new UploadStore(settings.uploadDir(), settings.uploadMaxSize(), settings.uploadMimes(),
                Clock.systemUTC());
        sweeper = scheduler.executor().scheduleWithFixedDelay(this::sweep, 0, SWEEP_EVERY.toMinutes(),
                TimeUnit.MINUTES);
    }

    /** Starts the janitor with the application rather than at the first upload. */
    void startWithApplication(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        store();
    }

    UploadStore store() {
        return store;
    }

    void sweep() {
        try {
            int deleted = store.purgeOlderThan(MAX_AGE);
            if (deleted > 0) {
                FailureMapper.LOG.fine(() -> "Deleted " + deleted + " expired upload files from " + store.dir());
            }
        } catch (IOException | RuntimeException e) {
            FailureMapper.LOG.log(Level.WARNING, "Could not clean the upload folder " + store.dir()
                    + " (DIFFYNE_UPLOAD_DIR): " + e);
        }
    }

    @PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
    }
}
