package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.runtime.UploadTarget;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadStoreTest {

    static final UploadTarget PHOTO = new UploadTarget("profile-photo", "q3Xv9Tz0bA1c", "photo", false, null);
    static final UploadStore.Uploader ADA = new UploadStore.Uploader("owner-hash-ada", "203.0.113.7");
    static final UploadStore.Uploader BOB = new UploadStore.Uploader("owner-hash-bob", "198.51.100.9");
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @TempDir
    Path dir;

    UploadStore store(long maxSize, long perClient, long total) {
        return new UploadStore(dir, maxSize, List.of("image/png", "text/plain", "text/csv"),
                new UploadQuota(perClient, total, Uploads.MAX_AGE, Clock.fixed(NOW, ZoneOffset.UTC)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static UploadStore.Upload put(UploadStore store, byte[] content, String type, UploadStore.Uploader who)
            throws IOException {
        return store.store(new ByteArrayInputStream(content), type, "f.bin", PHOTO, who, id -> "/ctx/preview?id=" + id);
    }

    List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy(MimeSnifferTest.PNG, 0, bytes, 0, MimeSnifferTest.PNG.length);
        return bytes;
    }

    @Test
    void storesWithMetadataRecordingComponentPropertyUserAndUploader() throws IOException {
        UploadStore store = store(1024, 1 << 20, 1 << 20);
        UploadTarget target = new UploadTarget("profile-photo", "q3Xv9Tz0bA1c", "photo", false, "ada");
        UploadStore.Upload upload = store.store(new ByteArrayInputStream(MimeSnifferTest.PNG), "Image/PNG", "cät.png",
                target, ADA, id -> "/ctx/_diffyne/preview?id=" + id);
        String key = upload.id().substring(0, 32);
        assertEquals("{\"name\":\"cät.png\",\"type\":\"image/png\",\"size\":16,\"componentId\":\"q3Xv9Tz0bA1c\","
                + "\"property\":\"photo\",\"principal\":\"ada\",\"owner\":\"owner-hash-ada\",\"client\":\"203.0.113.7\","
                + "\"preview\":\"/ctx/_diffyne/preview?id=" + upload.id() + "\",\"created\":1795262400000}",
                Files.readString(dir.resolve(key + ".meta")));
        assertEquals(Optional.of(upload), store.find(upload.id()));
        assertEquals(Optional.empty(), store.find(key + ".jpg"));
        assertEquals(Optional.empty(), store.find(key + ".meta"));
        assertEquals(Optional.empty(), store.find(null));
        assertEquals(UploadQuota.BLOCK, store.quota().used("203.0.113.7"), "a 16-byte file costs one block");
    }

    @Test
    void typesNotShownInlineHaveNoPreview() throws IOException {
        UploadStore store = new UploadStore(dir, 1024, List.of("application/pdf"),
                new UploadQuota(1 << 20, 1 << 20, Uploads.MAX_AGE, Clock.systemUTC()), Clock.systemUTC());
        UploadStore.Upload pdf = put(store, "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "application/pdf", ADA);
        assertNull(pdf.preview());
        assertTrue(Files.readString(dir.resolve(pdf.id().substring(0, 32) + ".meta")).indexOf("preview") < 0);
    }

    @Test
    void theWholeTextFileIsChecked() throws IOException {
        UploadStore store = store(1 << 20, 1 << 20, 1 << 20);
        byte[] text = new byte[100_000];
        java.util.Arrays.fill(text, (byte) 'a');
        text[99_999] = 0; // long after the first 512 bytes, and in a later chunk than the first
        ProtocolException nul = assertThrows(ProtocolException.class, () -> put(store, text, "text/plain", ADA));
        assertEquals(ErrorType.UNSUPPORTED_MEDIA_TYPE, nul.type());
        assertEquals("The file's content is not text/plain as declared", nul.getMessage());
        assertEquals(List.of(), files());
        assertEquals(0, store.quota().used());
        text[99_999] = '\n';
        assertEquals(100_000, put(store, text, "text/csv", ADA).size());
    }

    @Test
    void aFileOverTheLimitOrAQuotaIsRefusedWhileItArrivesAndLeavesNothing() throws IOException {
        UploadStore store = store(50_000, 100_000, 150_000);
        ProtocolException big = assertThrows(ProtocolException.class, () -> put(store, png(50_001), "image/png", ADA));
        assertEquals(ErrorType.PAYLOAD_TOO_LARGE, big.type());
        put(store, png(50_000), "image/png", ADA);
        put(store, png(40_000), "image/png", ADA);
        UploadQuota.Full full = assertThrows(UploadQuota.Full.class, () -> put(store, png(20_000), "image/png", ADA));
        assertEquals(ErrorType.RATE_LIMITED, full.type());
        assertEquals("Your uploads waiting to be saved hold 90000 of 100000 bytes (DIFFYNE_UPLOAD_CLIENT_QUOTA): save"
                + " or remove some, or wait until they expire", full.getMessage());
        assertEquals(Duration.ofHours(24).plus(Uploads.SWEEP_EVERY).toSeconds(), full.retryAfterSeconds(),
                "until the oldest upload of this client expires and the janitor has run");
        put(store, png(50_000), "image/png", BOB);
        UploadQuota.Full total = assertThrows(UploadQuota.Full.class, () -> put(store, png(20_000), "image/png", BOB));
        assertEquals("The server holds too many uploads waiting to be saved (DIFFYNE_UPLOAD_TOTAL_QUOTA): try again"
                + " later", total.getMessage());
        assertEquals(6, files().size(), "three uploads, each a file and its metadata; nothing of the refused ones");
        assertEquals(140_000, store.quota().used());
    }

    @Test
    void deletingOrMovingGivesTheBytesBack() throws IOException {
        UploadStore store = store(50_000, 60_000, 1 << 20);
        UploadStore.Upload first = put(store, png(50_000), "image/png", ADA);
        assertThrows(UploadQuota.Full.class, () -> put(store, png(20_000), "image/png", ADA));
        store.delete(first);
        assertEquals(0, store.quota().used(ADA.client()));
        UploadStore.Upload second = put(store, png(50_000), "image/png", ADA);
        Path kept = dir.resolveSibling(dir.getFileName() + "-kept.png");
        store.moveTo(second, kept);
        assertArrayEquals(png(50_000), Files.readAllBytes(kept));
        assertEquals(List.of(), files());
        assertEquals(0, store.quota().used());
        assertEquals(Optional.empty(), store.find(second.id()));
        Files.delete(kept);
    }

    @Test
    void theUploadsOfAnEarlierRunAreChargedAgainAndExpire() throws IOException {
        UploadStore first = store(50_000, 100_000, 1 << 20);
        UploadStore.Upload upload = put(first, png(30_000), "image/png", ADA);
        UploadStore again = store(50_000, 100_000, 1 << 20);
        assertEquals(1, again.recover());
        assertEquals(30_000, again.quota().used(ADA.client()));
        assertEquals(Optional.of(upload), again.find(upload.id()));

        UploadStore later = new UploadStore(dir, 50_000, List.of("image/png"),
                new UploadQuota(100_000, 1 << 20, Uploads.MAX_AGE, Clock.systemUTC()),
                Clock.fixed(NOW.plus(Duration.ofHours(25)), ZoneOffset.UTC));
        later.recover();
        Path stray = Files.writeString(dir.resolve("stray.part"), "x");
        Files.setLastModifiedTime(stray, FileTime.from(NOW.minus(Duration.ofHours(2))));
        Path fresh = Files.writeString(dir.resolve("fresh.part"), "x");
        Files.setLastModifiedTime(fresh, FileTime.from(NOW.plus(Duration.ofHours(24))));
        assertEquals(3, later.purgeOlderThan(Uploads.MAX_AGE));
        assertEquals(List.of(fresh), files());
        assertEquals(0, later.quota().used());
        assertEquals(0, new UploadStore(dir.resolve("missing"), 1, List.of(), later.quota(), Clock.systemUTC())
                .purgeOlderThan(Duration.ZERO));
    }

    @Test
    void aStreamThatFailsMidwayLeavesNothing() {
        UploadStore store = store(1 << 20, 1 << 20, 1 << 20);
        InputStream broken = new InputStream() {
            int sent;

            @Override
            public int read() {
                if (sent++ < 20_000) {
                    return sent <= MimeSnifferTest.PNG.length ? MimeSnifferTest.PNG[sent - 1] & 0xff : 0;
                }
                throw new ProtocolException(ErrorType.BAD_REQUEST, "The request body could not be read");
            }
        };
        assertThrows(ProtocolException.class, () -> store.store(broken, "image/png", "x.png", PHOTO, ADA, id -> id));
        assertEquals(0, store.quota().used());
        assertTrue(!Files.exists(dir) || dir.toFile().list().length == 0);
    }
}
