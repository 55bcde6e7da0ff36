package io.diffyne.transport.http;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.DiffyneSettings;
import io.diffyne.runtime.StoredUpload;
import io.diffyne.runtime.UploadStorage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

/**
 * The application's upload store, configured from {@code DIFFYNE_UPLOAD_*}, as the runtime sees it
 * ({@link UploadStorage}: components' {@code TemporaryUpload} properties resolve through it), and its janitor: at start
 * it charges the uploads a previous run left to the quotas, then deletes uploads older than {@link #MAX_AGE} every
 * {@link #SWEEP_EVERY}.
 */
@ApplicationScoped
public class Uploads implements UploadStorage {

    static final Duration MAX_AGE = Duration.ofHours(24);
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

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
        Clock clock = Clock.systemUTC();
        store = new UploadStore(settings.uploadDir(), settings.uploadMaxSize(), settings.uploadMimes(),
                new UploadQuota(settings.uploadClientQuota(), settings.uploadTotalQuota(), MAX_AGE, clock), clock);
        try {
            int recovered = store.recover();
            if (recovered > 0) {
                FailureMapper.LOG.info(() -> recovered + " uploads from an earlier run wait in " + store.dir()
                        + " (DIFFYNE_UPLOAD_DIR) and count against the upload quotas until they expire");
            }
        } catch (IOException | RuntimeException e) {
            FailureMapper.LOG.log(Level.WARNING, "Could not read the upload folder " + store.dir()
                    + " (DIFFYNE_UPLOAD_DIR): " + e);
        }
        sweeper = scheduler.executor().scheduleWithFixedDelay(this::sweep, 0, SWEEP_EVERY.toSeconds(),
                TimeUnit.SECONDS);
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

    @Override
    public Optional<StoredUpload> find(String id) {
        return store.find(id).map(Uploads::stored);
    }

    @Override
    public InputStream open(StoredUpload upload) throws IOException {
        return store.open(existing(upload));
    }

    @Override
    public void moveTo(StoredUpload upload, Path target) throws IOException {
        store.moveTo(existing(upload), target);
    }

    @Override
    public void delete(StoredUpload upload) {
        store.find(upload.id()).ifPresent(store::delete);
    }

    /** The store's record of {@code upload}, looked up again: it may have been moved or expired meanwhile. */
    private UploadStore.Upload existing(StoredUpload upload) throws IOException {
        return store.find(upload.id()).orElseThrow(() -> new IOException("Upload " + upload.id()
                + " is gone: it was moved, deleted or expired (uploads expire after 24 hours)"));
    }

    private static StoredUpload stored(UploadStore.Upload u) {
        return new StoredUpload(u.id(), u.name(), u.type(), u.size(), u.componentId(), u.property(), u.principal(),
                u.preview(), u.created());
    }

    @PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
    }
}
