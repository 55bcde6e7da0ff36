package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.TrustedProxies;
import io.diffyne.runtime.RateLimiter;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadResourceTest {

    static final byte[] PNG = MimeSnifferTest.PNG;
    static final String SNAPSHOT = "{\"component\":\"profile-photo\",\"id\":\"q3Xv9Tz0bA1c\",\"version\":3,"
            + "\"state\":{\"photo\":null},\"sig\":\"kQ2bYk3lqRZt2gYyb0dW8w\"}";
    static final Pattern COOKIE = Pattern.compile("diffyne-uploader=([A-Za-z0-9_-]{32});");

    @TempDir
    Path dir;

    final FakeRuntime runtime = new FakeRuntime();
    UploadStore store;

    InProcessRest rest(long maxSize, long perClient, long total) {
        return rest(maxSize, perClient, total, new RateLimiter(0));
    }

    InProcessRest rest(long maxSize, long perClient, long total, RateLimiter limiter) {
        DiffyneConfig config = InProcessRest.config(Map.of());
        store = new UploadStore(dir.resolve("uploads"), maxSize, List.of("image/png", "text/plain", "application/pdf"),
                new UploadQuota(perClient, total, Uploads.MAX_AGE, Clock.systemUTC()), Clock.systemUTC());
        Uploads uploads = new Uploads(store);
        HttpRateLimit limit = new HttpRateLimit(limiter, TrustedProxies.parse("127.0.0.1"));
        return new InProcessRest(new UploadResource(uploads, runtime, config, limit), new PreviewResource(uploads),
                new FailureMapper(config), new OriginGuard(config));
    }

    InProcessRest rest(long maxSize) {
        return rest(maxSize, 1 << 20, 1 << 20);
    }

    static byte[] multipart(String snapshot, String property, String filename, String type, byte[] content) {
        return UploadForm.of(snapshot, property, filename, type, content);
    }

    static byte[] multipart(String filename, String type, byte[] content) {
        return multipart(SNAPSHOT, "photo", filename, type, content);
    }

    static InProcessRest.Reply upload(InProcessRest rest, byte[] body, String... headers) {
        return rest.call("POST", "upload", UploadForm.CONTENT_TYPE, new ByteArrayInputStream(body), headers);
    }

    static String cookieOf(InProcessRest.Reply reply) {
        Matcher m = COOKIE.matcher(String.valueOf(reply.header("Set-Cookie")));
        return m.find() ? m.group(1) : null;
    }

    static JsonObject json(InProcessRest.Reply reply) {
        return Json.createReader(new StringReader(reply.body())).readObject();
    }

    List<Path> stored() throws IOException {
        Path uploads = dir.resolve("uploads");
        if (!Files.isDirectory(uploads)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(uploads)) {
            return files.toList();
        }
    }

    @Test
    void aGoodUploadIsStoredForTheVerifiedComponentAndPreviewedOnlyToItsUploader() throws IOException {
        InProcessRest rest = rest(1024);
        InProcessRest.Reply reply = upload(rest, multipart("cat.png", "image/png", PNG));
        assertEquals(200, reply.status(), reply.body());
        String id = json(reply).getString("id");
        assertTrue(id.matches("[A-Za-z0-9_-]{32}\\.png"), id);
        assertEquals("{\"s\":true,\"id\":\"" + id + "\",\"name\":\"cat.png\",\"type\":\"image/png\",\"size\":16,"
                + "\"componentId\":\"q3Xv9Tz0bA1c\",\"property\":\"photo\",\"preview\":\"/ctx/_diffyne/preview?id=" + id
                + "\"}", reply.body());
        String cookie = cookieOf(reply);
        String setCookie = reply.header("Set-Cookie");
        assertTrue(setCookie.contains("Path=/ctx/_diffyne/") && setCookie.contains("HttpOnly")
                && setCookie.contains("SameSite=Strict") && setCookie.contains("Max-Age=86400"), setCookie);
        assertEquals(2, stored().size());
        assertArrayEquals(PNG, Files.readAllBytes(dir.resolve("uploads").resolve(id)));
        UploadStore.Upload upload = store.find(id).orElseThrow();
        assertEquals(UploaderCookie.hash(cookie), upload.owner());
        assertEquals("10.0.0.7", upload.client());

        InProcessRest.Reply preview = rest.get("preview?id=" + id, "Cookie", "diffyne-uploader=" + cookie);
        assertEquals(200, preview.status());
        assertArrayEquals(PNG, preview.bytes());
        assertEquals("image/png", preview.header("Content-Type"));
        assertEquals("nosniff", preview.header("X-Content-Type-Options"));
        assertEquals("inline; filename=\"" + id + "\"", preview.header("Content-Disposition"));
        assertEquals("same-origin", preview.header("Cross-Origin-Resource-Policy"));
        assertEquals("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
                preview.header("Content-Security-Policy"));

        String notFound = "{\"s\":false,\"error\":\"No such upload (uploads expire after 24 hours)\","
                + "\"type\":\"not_found\"}";
        for (String[] other : new String[][] {{}, {"Cookie", "diffyne-uploader=" + UploaderCookie.fresh()},
            {"Cookie", "diffyne-uploader=" + cookie.substring(1) + "A"}}) {
            InProcessRest.Reply refused = rest.get("preview?id=" + id, other);
            assertEquals(404, refused.status());
            assertEquals(notFound, refused.body(), "another client learns nothing, not even that it exists");
        }

        InProcessRest.Reply second = upload(rest, multipart("dog.png", "image/png", PNG),
                "Cookie", "diffyne-uploader=" + cookie);
        assertNull(second.header("Set-Cookie"), "a known uploader keeps its cookie");
        assertEquals(upload.owner(), store.find(json(second).getString("id")).orElseThrow().owner());
    }

    @Test
    void theUploadMustNameAVerifiedSnapshotOfAComponentWithThatUploadProperty() throws IOException {
        InProcessRest rest = rest(1024);
        InProcessRest.Reply none = upload(rest, multipart(null, "photo", "cat.png", "image/png", PNG));
        assertEquals(400, none.status());
        assertEquals("{\"s\":false,\"error\":\"Send the fields snapshot (the component's signed snapshot) and property"
                + " before the file\",\"type\":\"bad_request\"}", none.body());
        InProcessRest.Reply forged = upload(rest, multipart(SNAPSHOT.replace("kQ2bYk3lqRZt2gYyb0dW8w", "forged"),
                "photo", "cat.png", "image/png", PNG));
        assertEquals(403, forged.status());
        assertEquals("security_error", json(forged).getString("type"));
        InProcessRest.Reply undeclared = upload(rest, multipart(SNAPSHOT, "plain", "cat.png", "image/png", PNG));
        assertEquals(400, undeclared.status());
        assertEquals("{\"s\":false,\"error\":\"Property 'plain' takes no uploads\",\"type\":\"bad_request\"}",
                undeclared.body());
        InProcessRest.Reply notJson = upload(rest, multipart("[1,2]", "photo", "cat.png", "image/png", PNG));
        assertEquals("{\"s\":false,\"error\":\"The field 'snapshot' must be the component's snapshot, a JSON object\","
                + "\"type\":\"bad_request\"}", notJson.body());
        InProcessRest.Reply broken = upload(rest, multipart("{\"a\":", "photo", "cat.png", "image/png", PNG));
        assertEquals(400, broken.status());
        assertEquals("bad_request", json(broken).getString("type"));
        InProcessRest.Reply huge = upload(rest, multipart("\"" + "x".repeat(1_048_577) + "\"", "photo", "cat.png",
                "image/png", PNG));
        assertEquals(413, huge.status());
        assertEquals("{\"s\":false,\"error\":\"The field 'snapshot' is over 1048576 bytes (DIFFYNE_WS_MAX_MESSAGE_SIZE)\","
                + "\"type\":\"payload_too_large\"}", huge.body());
        assertEquals(List.of(), stored());
        assertNull(forged.header("Set-Cookie"));
    }

    @Test
    void aPathTraversalNameIsRefusedAndNothingIsStored() throws IOException {
        InProcessRest rest = rest(1024);
        for (String name : new String[] {"../../etc/passwd", "..\\\\win.ini", "..", "a\u0001b.png"}) {
            InProcessRest.Reply reply = upload(rest, multipart(name, "image/png", PNG));
            assertEquals(400, reply.status(), name);
            assertEquals("{\"s\":false,\"error\":\"Refused file name: it must be 1 to 255 characters without '/', "
                    + "'\\\\' or control characters\",\"type\":\"bad_request\"}", reply.body());
        }
        assertEquals(List.of(), stored());
    }

    @Test
    void previewIdsCannotNameAnythingElseAndOnlyInlineTypesArePreviewed() throws IOException {
        InProcessRest rest = rest(1024);
        for (String id : new String[] {"../uploads/x.png", "%2e%2e%2fx", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.png", ""}) {
            InProcessRest.Reply reply = rest.get("preview?id=" + id);
            assertEquals(404, reply.status(), id);
        }
        assertEquals(404, rest.get("preview").status());
        InProcessRest.Reply pdf = upload(rest, multipart("doc.pdf", "application/pdf",
                "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(200, pdf.status(), pdf.body());
        assertTrue(!json(pdf).containsKey("preview"), pdf.body());
        assertEquals(404, rest.get("preview?id=" + json(pdf).getString("id"), "Cookie",
                "diffyne-uploader=" + cookieOf(pdf)).status(), "a PDF is never shown inline");
    }

    @Test
    void aFileOverTheLimitIs413AndLeavesNothing() throws IOException {
        InProcessRest rest = rest(100);
        byte[] big = new byte[101];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        InProcessRest.Reply reply = upload(rest, multipart("big.png", "image/png", big));
        assertEquals(413, reply.status());
        assertEquals("{\"s\":false,\"error\":\"The file is over the 100-byte limit (DIFFYNE_UPLOAD_MAX_SIZE)\","
                + "\"type\":\"payload_too_large\"}", reply.body());
        assertEquals(List.of(), stored());
        assertEquals(0, store.quota().used());
        assertEquals(200, upload(rest, multipart("ok.png", "image/png", java.util.Arrays.copyOf(big, 100))).status());
    }

    @Test
    void aFullQuotaIs429WithRetryAfterPerClientAndInTotal() throws IOException {
        InProcessRest rest = rest(10_000, 3 * UploadQuota.BLOCK, 5 * UploadQuota.BLOCK);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, upload(rest, multipart("a.png", "image/png", PNG)).status());
        }
        InProcessRest.Reply full = upload(rest, multipart("a.png", "image/png", PNG));
        assertEquals(429, full.status());
        assertEquals("{\"s\":false,\"error\":\"Your uploads waiting to be saved hold 12288 of 12288 bytes "
                + "(DIFFYNE_UPLOAD_CLIENT_QUOTA): save or remove some, or wait until they expire\","
                + "\"type\":\"rate_limited\"}", full.body());
        long retryAfter = Long.parseLong(full.header("Retry-After"));
        long expires = Uploads.MAX_AGE.plus(Uploads.SWEEP_EVERY).toSeconds();
        assertTrue(retryAfter > expires - 60 && retryAfter <= expires, "until the oldest upload expires: " + retryAfter);
        rest.remoteAddress.set("10.0.0.8");
        assertEquals(200, upload(rest, multipart("b.png", "image/png", PNG)).status());
        assertEquals(200, upload(rest, multipart("b.png", "image/png", PNG)).status());
        InProcessRest.Reply total = upload(rest, multipart("b.png", "image/png", PNG));
        assertEquals(429, total.status());
        assertTrue(total.body().contains("DIFFYNE_UPLOAD_TOTAL_QUOTA"), total.body());
        assertEquals(10, stored().size(), "five uploads and their metadata, nothing of the refused ones");
    }

    @Test
    void aLargeUploadCostsARateLimitUnitPerMebibyte() throws IOException {
        RateLimiter limiter = new RateLimiter(600, 100, System::nanoTime); // bursts of 120 units
        InProcessRest rest = rest(100L * 1_048_576, 1L << 30, 1L << 30, limiter);
        String fiftyMib = Long.toString(50L * 1_048_576); // declared: 49 units beyond the request's own
        assertEquals(200, upload(rest, multipart("a.png", "image/png", PNG), "Content-Length", fiftyMib).status());
        assertEquals(200, upload(rest, multipart("b.png", "image/png", PNG), "Content-Length", fiftyMib).status());
        InProcessRest.Reply limited = upload(rest, multipart("c.png", "image/png", PNG), "Content-Length", fiftyMib);
        assertEquals(429, limited.status());
        assertEquals("rate_limited", json(limited).getString("type"));
        assertTrue(Long.parseLong(limited.header("Retry-After")) > 0);
        assertEquals(4, stored().size(), "the refused upload was not read");
        assertEquals(200, upload(rest, multipart("d.png", "image/png", PNG)).status(), "a small one still fits");
    }

    @Test
    void anEndlessChunkedBodyIsCutOffAtTheLimit() {
        InProcessRest rest = rest(1000);
        byte[] head = multipart(SNAPSHOT, "photo", "x.png", "image/png", new byte[0]);
        long[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return read[0] < head.length - 14 ? head[(int) read[0]++] : (int) (read[0]++ & 0x7f);
            }
        };
        InProcessRest.Reply reply = rest.call("POST", "upload", UploadForm.CONTENT_TYPE, endless);
        assertEquals(413, reply.status());
        assertTrue(read[0] < 1000 + 64 * 1024 + 64 * 1024, "read " + read[0]);
    }

    @Test
    void theTypeIsCheckedByDeclarationAndByContent() throws IOException {
        InProcessRest rest = rest(1024);
        InProcessRest.Reply html = upload(rest, multipart("x.html", "text/html", "<script>".getBytes()));
        assertEquals(415, html.status());
        assertEquals("{\"s\":false,\"error\":\"Files of type 'text/html' are not accepted: allowed are image/png, "
                + "text/plain, application/pdf (DIFFYNE_UPLOAD_MIMES)\",\"type\":\"unsupported_media_type\"}", html.body());
        InProcessRest.Reply fake = upload(rest, multipart("x.png", "image/png", "<svg onload=alert(1)>".getBytes()));
        assertEquals(415, fake.status());
        assertEquals("{\"s\":false,\"error\":\"The file's content is not image/png as declared\","
                + "\"type\":\"unsupported_media_type\"}", fake.body());
        byte[] lateNul = new byte[600];
        java.util.Arrays.fill(lateNul, (byte) 'a');
        lateNul[599] = 0;
        assertEquals(415, upload(rest, multipart("x.txt", "text/plain", lateNul)).status(), "a NUL after byte 512");
        assertEquals(List.of(), stored());
        InProcessRest.Reply text = upload(rest, multipart("notes.txt", "text/plain; charset=utf-8", "hello".getBytes()));
        assertEquals(200, text.status());
        String id = json(text).getString("id");
        assertTrue(id.endsWith(".txt"));
        assertEquals("text/plain;charset=UTF-8", rest.get("preview?id=" + id, "Cookie",
                "diffyne-uploader=" + cookieOf(text)).header("Content-Type"));
    }

    @Test
    void fieldsMustComeFirstAndBeValid() throws IOException {
        InProcessRest rest = rest(1024);
        String fileOnly = new String(multipart(null, null, "cat.png", "image/png", PNG), StandardCharsets.ISO_8859_1);
        String fieldsOnly = new String(multipart(SNAPSHOT, "photo", null, null, null), StandardCharsets.ISO_8859_1);
        String fileFirstForm = fileOnly.replace("--" + UploadForm.BOUNDARY + "--\r\n", "") + fieldsOnly;
        InProcessRest.Reply fileFirst = upload(rest, fileFirstForm.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(400, fileFirst.status());
        assertEquals("{\"s\":false,\"error\":\"Send the fields snapshot (the component's signed snapshot) and property"
                + " before the file\",\"type\":\"bad_request\"}", fileFirst.body());
        assertEquals("{\"s\":false,\"error\":\"The field 'property' is not valid\",\"type\":\"bad_request\"}",
                upload(rest, multipart(null, "a.b", null, null, null)).body());
        assertEquals("{\"s\":false,\"error\":\"Unexpected form field: use snapshot, property and file\","
                + "\"type\":\"bad_request\"}", upload(rest, UploadForm.field("componentId", "q3Xv9Tz0bA1c")).body());
        assertEquals(415, rest.post("upload", "application/json", "{}").status());
        assertEquals(List.of(), stored());
    }
}
