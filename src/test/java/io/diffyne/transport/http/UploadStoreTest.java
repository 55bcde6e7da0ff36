package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadStoreTest {

    @TempDir
    Path dir;

    @Test
    void storesWithMetadataAndFindsById() throws IOException {
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        UploadStore store = new UploadStore(dir, 1024, List.of("image/png"), Clock.fixed(now, ZoneOffset.UTC));
        UploadStore.Upload upload = store.store(new ByteArrayInputStream(MimeSnifferTest.PNG), "Image/PNG", "cät.png",
                "q3Xv9Tz0bA1c", "photo");
        String key = upload.id().substring(0, 32);
        assertEquals("{\"name\":\"cät.png\",\"type\":\"image/png\",\"size\":16,\"componentId\":\"q3Xv9Tz0bA1c\","
                + "\"property\":\"photo\",\"created\":1795262400000}", Files.readString(dir.resolve(key + ".meta")));
        assertEquals(Optional.of(upload), store.find(upload.id()));
        assertEquals(Optional.empty(), store.find(key + ".jpg"));
        assertEquals(Optional.empty(), store.find(key + ".meta"));
        assertEquals(Optional.empty(), store.find(null));
        assertTrue(store.store(new ByteArrayInputStream(MimeSnifferTest.PNG), "image/png", "a.png", "c", "p").id()
                .compareTo(upload.id()) != 0);
    }

    @Test
    void purgesFilesOlderThanTheirAge() throws IOException {
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        UploadStore store = new UploadStore(dir, 1024, List.of("image/png"), Clock.fixed(now, ZoneOffset.UTC));
        Path old = Files.writeString(dir.resolve("old.png"), "x");
        Path fresh = Files.writeString(dir.resolve("fresh.png"), "x");
        Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofHours(25))));
        Files.setLastModifiedTime(fresh, FileTime.from(now.minus(Duration.ofHours(23))));
        assertEquals(1, store.purgeOlderThan(Duration.ofHours(24)));
        assertEquals(List.of(fresh), Files.list(dir).toList());
        assertEquals(0, new UploadStore(dir.resolve("missing"), 1, List.of(), Clock.systemUTC())
                .purgeOlderThan(Duration.ZERO));
    }
}
