package io.diffyne.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Uploads kept in memory, as the transport's store would keep them on disk; records what was deleted. */
final class MemoryUploads implements UploadStorage {

    private final Map<String, StoredUpload> uploads = new ConcurrentHashMap<>();
    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();
    final List<String> deleted = new ArrayList<>();
    private int next;

    /** Stores a file as {@code POST /upload} would for this component, property and user; returns its id. */
    synchronized String put(String componentId, String property, String principal, String name, String type,
                            byte[] content) {
        String id = String.format("%032d", ++next) + ".bin";
        uploads.put(id, new StoredUpload(id, name, type, content.length, componentId, property, principal,
                "/ctx/_diffyne/preview?id=" + id, Instant.EPOCH));
        bytes.put(id, content.clone());
        return id;
    }

    boolean holds(String id) {
        return uploads.containsKey(id);
    }

    @Override
    public Optional<StoredUpload> find(String id) {
        return Optional.ofNullable(id == null ? null : uploads.get(id));
    }

    @Override
    public InputStream open(StoredUpload upload) throws IOException {
        byte[] content = bytes.get(upload.id());
        if (content == null) {
            throw new IOException("gone");
        }
        return new ByteArrayInputStream(content);
    }

    @Override
    public void moveTo(StoredUpload upload, Path target) throws IOException {
        try (InputStream in = open(upload)) {
            Files.write(target, in.readAllBytes());
        }
        forget(upload.id());
    }

    @Override
    public synchronized void delete(StoredUpload upload) {
        deleted.add(upload.id());
        forget(upload.id());
    }

    void forget(String id) {
        uploads.remove(id);
        bytes.remove(id);
    }
}
