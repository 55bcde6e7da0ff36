package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;

import jakarta.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** {@code POST /_diffyne/upload} and {@code GET /_diffyne/preview} against the real WAR. */
class AjaxUploadIT extends AbstractDiffyneIT {

    private static final String BOUNDARY = "----it-boundary-7d3";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

    private static byte[] form(String filename, String type, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"componentId\"\r\n\r\nq3Xv9Tz0bA1c\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"property\"\r\n\r\nphoto\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private HttpResponse<String> upload(byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("_diffyne/upload")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGoodUploadIsStoredAndPreviewedUnsniffable() throws Exception {
        HttpResponse<String> response = upload(form("pixel.png", "image/png", PNG));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject json = AjaxTestClient.object(response);
        String id = json.getString("id");
        assertTrue(id.matches("[A-Za-z0-9_-]{32}\\.png"), id);
        assertEquals("pixel.png", json.getString("name"));
        assertEquals(PNG.length, json.getInt("size"));
        assertEquals(contextPath() + "/_diffyne/preview?id=" + id, json.getString("preview"));

        HttpResponse<byte[]> preview = http.send(HttpRequest.newBuilder(uri("_diffyne/preview?id=" + id))
                .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, preview.statusCode());
        assertArrayEquals(PNG, preview.body());
        assertEquals("image/png", preview.headers().firstValue("Content-Type").orElse(null));
        assertEquals("nosniff", preview.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    @Test
    void aPathTraversalNameIsRefused() throws Exception {
        for (String name : new String[] {"../../../../etc/cron.d/x.png", "..\\\\..\\\\boot.ini"}) {
            HttpResponse<String> response = upload(form(name, "image/png", PNG));
            assertEquals(400, response.statusCode(), name);
            assertEquals("{\"s\":false,\"error\":\"Refused file name: it must be 1 to 255 characters without '/', "
                    + "'\\\\' or control characters\",\"type\":\"bad_request\"}", response.body());
        }
        HttpResponse<String> preview = get("_diffyne/preview?id=..%2F..%2Fetc%2Fpasswd");
        assertEquals(404, preview.statusCode());
        assertEquals("not_found", AjaxTestClient.object(preview).getString("type"));
    }

    @Test
    void contentThatIsNotWhatItClaimsIs415() throws Exception {
        HttpResponse<String> response = upload(form("x.png", "image/png",
                "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(415, response.statusCode());
        assertEquals("{\"s\":false,\"error\":\"The file's content is not image/png as declared\","
                + "\"type\":\"unsupported_media_type\"}", response.body());
    }
}
