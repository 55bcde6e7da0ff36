package io.diffyne.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where uploaded files wait until a component moves them: what the runtime needs to resolve upload properties
 * ({@code TemporaryUpload} fields). Defined here, implemented by the HTTP transport's upload store (a CDI bean the
 * runtime finds by this type); without one, every upload id resolves to nothing. Thread-safe.
 */
public interface UploadStorage {

    /** The upload with this id, or empty when the id is malformed, unknown, moved, deleted or expired. */
    Optional<StoredUpload> find(String id);

    /** The upload's bytes. */
    InputStream open(StoredUpload upload) throws IOException;

    /** Moves the file to {@code target} (replacing a file there) and forgets the upload, releasing its quota. */
    void moveTo(StoredUpload upload, Path target) throws IOException;

    /** Deletes the upload and releases its quota; nothing when it is gone already. */
    void delete(StoredUpload upload);

    /** No storage at all: for a runtime wired without the HTTP transport (unit tests, benchmarks). */
    static UploadStorage none() {
        return None.INSTANCE;
    }

    /** The storage of {@link #none()}. */
    final class None implements UploadStorage {
        private static final None INSTANCE = new None();

        private None() {
        }

        @Override
        public Optional<StoredUpload> find(String id) {
            return Optional.empty();
        }

        @Override
        public InputStream open(StoredUpload upload) throws IOException {
            throw new IOException("No upload storage is configured");
        }

        @Override
        public void moveTo(StoredUpload upload, Path target) throws IOException {
            throw new IOException("No upload storage is configured");
        }

        @Override
        public void delete(StoredUpload upload) {
            // nothing is stored
        }
    }
}
