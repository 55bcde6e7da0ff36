package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.config.DiffyneConfig;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadResourceTest {

    static final String B = "XyZ123";
    static final byte[] PNG = MimeSnifferTest.PNG;

    @TempDir
    Path dir;

    InProcessRest rest(long maxSize) {
        DiffyneConfig config = InProcessRest.config(Map.of());
        UploadStore store = new UploadStore(dir.resolve("uploads"), maxSize, List.of("image/png", "text/plain"),
                Clock.systemUTC());
        Uploads uploads = new Uploads(store);
        return new InProcessRest(new UploadResource(uploads), new PreviewResource(uploads), new FailureMapper(config), new OriginGuard(config));
    }

    static byte[] multipart(String filename, String type, byte[] content, boolean fieldsFirst) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String fields = "--" + B + "\r\nContent-Disposition: form-data; name=\"componentId\"\r\n\r\nq3Xv9Tz0bA1c\r\n"
                + "--" + B + "\r\nContent-Disposition: form-data; name=\"property\"\r\n\r\nphoto\r\n";
        if (fieldsFirst) {
            out.writeBytes(fields.getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + B + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        if (!fieldsFirst) {
            out.writeBytes(fields.getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + B + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static InProcessRest.Reply upload(InProcessRest rest, byte[] body) {
        return rest.call("POST", "upload", "multipart/form-data; boundary=" + B, new ByteArrayInputStream(body));
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
    void aGoodUploadIsStoredAndPreviewedWithItsTypeAndNosniff() throws IOException {
        InProcessRest rest = rest(1024);
        InProcessRest.Reply reply = upload(rest, multipart("cat.png", "image/png", PNG, true));
        assertEquals(200, reply.status(), reply.body());
        JsonObject json = Json.createReader(new StringReader(reply.body())).readObject();
        String id = json.getString("id");
        assertTrue(id.matches("[A-Za-z0-9_-]{32}\\.png"), id);
        assertEquals("{\"s\":true,\"id\":\"" + id + "\",\"name\":\"cat.png\",\"type\":\"image/png\",\"size\":16,"
                + "\"componentId\":\"q3Xv9Tz0bA1c\",\"property\":\"photo\",\"preview\":\"/ctx/_diffyne/preview?id=" + id
                + "\"}", reply.body());
        assertEquals(2, stored().size());
        assertArrayEquals(PNG, Files.readAllBytes(dir.resolve("uploads").resolve(id)));

        InProcessRest.Reply preview = rest.get("preview?id=" + id);
        assertEquals(200, preview.status());
        assertArrayEquals(PNG, preview.bytes());
        assertEquals("image/png", preview.header("Content-Type"));
        assertEquals("nosniff", preview.header("X-Content-Type-Options"));
        assertEquals("inline; filename=\"" + id + "\"", preview.header("Content-Disposition"));
        assertEquals("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
                preview.header("Content-Security-Policy"));
    }

    @Test
    void aPathTraversalNameIsRefusedAndNothingIsStored() throws IOException {
        InProcessRest rest = rest(1024);
        for (String name : new String[] {"../../etc/passwd", "..\\\\win.ini", "..", "a\u0001b.png"}) {
            InProcessRest.Reply reply = upload(rest, multipart(name, "image/png", PNG, true));
            assertEquals(400, reply.status(), name);
            assertEquals("{\"s\":false,\"error\":\"Refused file name: it must be 1 to 255 characters without '/', "
                    + "'\\\\' or control characters\",\"type\":\"bad_request\"}", reply.body());
        }
        assertEquals(List.of(), stored());
    }

    @Test
    void previewIdsCannotNameAnythingElse() {
        InProcessRest rest = rest(1024);
        for (String id : new String[] {"../uploads/x.png", "%2e%2e%2fx", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.png", ""}) {
            InProcessRest.Reply reply = rest.get("preview?id=" + id);
            assertEquals(404, reply.status(), id);
            assertEquals("{\"s\":false,\"error\":\"No such upload (uploads expire after 24 hours)\","
                    + "\"type\":\"not_found\"}", reply.body());
        }
        assertEquals(404, rest.get("preview").status());
    }

    @Test
    void aFileOverTheLimitIs413AndLeavesNothing() throws IOException {
        InProcessRest rest = rest(100);
        byte[] big = new byte[101];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        InProcessRest.Reply reply = upload(rest, multipart("big.png", "image/png", big, true));
        assertEquals(413, reply.status());
        assertEquals("{\"s\":false,\"error\":\"The file is over the 100-byte limit (DIFFYNE_UPLOAD_MAX_SIZE)\","
                + "\"type\":\"payload_too_large\"}", reply.body());
        assertEquals(List.of(), stored());
        assertEquals(200, upload(rest, multipart("ok.png", "image/png", java.util.Arrays.copyOf(big, 100), true)).status());
    }

    @Test
    void anEndlessChunkedBodyIsCutOffAtTheLimit() {
        InProcessRest rest = rest(1000);
        byte[] head = multipart("x.png", "image/png", new byte[0], true);
        long[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return read[0] < head.length - 14 ? head[(int) read[0]++] : (int) (read[0]++ & 0x7f);
            }
        };
        InProcessRest.Reply reply = rest.call("POST", "upload", "multipart/form-data; boundary=" + B, endless);
        assertEquals(413, reply.status());
        assertTrue(read[0] < 1000 + 64 * 1024 + 64 * 1024, "read " + read[0]);
    }

    @Test
    void theTypeIsCheckedByDeclarationAndByContent() throws IOException {
        InProcessRest rest = rest(1024);
        InProcessRest.Reply html = upload(rest, multipart("x.html", "text/html", "<script>".getBytes(), true));
        assertEquals(415, html.status());
        assertEquals("{\"s\":false,\"error\":\"Files of type 'text/html' are not accepted: allowed are image/png, "
                + "text/plain (DIFFYNE_UPLOAD_MIMES)\",\"type\":\"unsupported_media_type\"}", html.body());
        InProcessRest.Reply fake = upload(rest, multipart("x.png", "image/png", "<svg onload=alert(1)>".getBytes(), true));
        assertEquals(415, fake.status());
        assertEquals("{\"s\":false,\"error\":\"The file's content is not image/png as declared\","
                + "\"type\":\"unsupported_media_type\"}", fake.body());
        assertEquals(List.of(), stored());
        InProcessRest.Reply text = upload(rest, multipart("notes.txt", "text/plain; charset=utf-8",
                "hello".getBytes(), true));
        assertEquals(200, text.status());
        String id = Json.createReader(new StringReader(text.body())).readObject().getString("id");
        assertTrue(id.endsWith(".txt"));
        assertEquals("text/plain;charset=UTF-8", rest.get("preview?id=" + id).header("Content-Type"));
    }

    @Test
    void fieldsMustComeFirstAndBeValid() throws IOException {
        InProcessRest rest = rest(1024);
        InProcessRest.Reply late = upload(rest, multipart("cat.png", "image/png", PNG, false));
        assertEquals(400, late.status());
        assertEquals("{\"s\":false,\"error\":\"Send the fields componentId and property before the file\","
                + "\"type\":\"bad_request\"}", late.body());
        String badProperty = "--" + B + "\r\nContent-Disposition: form-data; name=\"property\"\r\n\r\na.b\r\n--" + B + "--";
        assertEquals("{\"s\":false,\"error\":\"The field 'property' is not valid\",\"type\":\"bad_request\"}",
                upload(rest, badProperty.getBytes(StandardCharsets.UTF_8)).body());
        assertEquals(415, rest.post("upload", "application/json", "{}").status());
        assertEquals(List.of(), stored());
    }
}
