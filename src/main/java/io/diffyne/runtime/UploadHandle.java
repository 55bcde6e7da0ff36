package io.diffyne.runtime;

import io.diffyne.component.TemporaryUpload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/** A component's {@link TemporaryUpload}: a stored upload and the storage that holds it. */
final class UploadHandle implements TemporaryUpload {

    private final StoredUpload upload;
    private final UploadStorage storage;

    UploadHandle(StoredUpload upload, UploadStorage storage) {
        this.upload = upload;
        this.storage = storage;
    }

    @Override
    public String id() {
        return upload.id();
    }

    @Override
    public String name() {
        return upload.name();
    }

    @Override
    public String contentType() {
        return upload.contentType();
    }

    @Override
    public long size() {
        return upload.size();
    }

    @Override
    public String previewUrl() {
        return upload.previewUrl();
    }

    @Override
    public InputStream open() throws IOException {
        return storage.open(upload);
    }

    @Override
    public Path moveTo(Path target) throws IOException {
        storage.moveTo(upload, Objects.requireNonNull(target, "target"));
        return target;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UploadHandle h && h.upload.id().equals(upload.id());
    }

    @Override
    public int hashCode() {
        return upload.id().hashCode();
    }

    /** Never the storage path; the name is the browser's. */
    @Override
    public String toString() {
        return "TemporaryUpload[" + upload.id() + ", " + upload.contentType() + ", " + upload.size() + " bytes]";
    }
}
