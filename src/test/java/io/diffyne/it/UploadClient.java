package io.diffyne.it;

import io.diffyne.transport.http.UploadForm;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser's uploads, as the JavaScript client sends them: multipart {@code snapshot}, {@code property}, then
 * {@code file} to {@code _diffyne/upload}; the uploader cookie the first answer sets is sent with every later upload
 * and preview, as a browser would (it is scoped to {@code _diffyne/}). {@code forwardedFor} makes the requests come
 * from another client address through the loopback proxy the server trusts by default (null: none).
 */
final class UploadClient {

    /** A 1×1 PNG's first bytes: the magic number and the start of its header. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    private static final Pattern COOKIE = Pattern.compile("diffyne-uploader=([A-Za-z0-9_-]{32})");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String forwardedFor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String cookie;

    UploadClient(URI base, String forwardedFor) {
        this.base = base;
        this.forwardedFor = forwardedFor;
    }

    /** The same browser (its uploader cookie) talking to another instance, at {@code otherBase}. */
    UploadClient at(URI otherBase) {
        UploadClient same = new UploadClient(otherBase, forwardedFor);
        same.cookie = cookie;
        return same;
    }

    /** The uploader cookie's value, once an upload set it. */
    String cookie() {
        return cookie;
    }

    static byte[] form(String snapshot, String property, String filename, String type, byte[] content) {
        return UploadForm.of(snapshot, property, filename, type, content);
    }

    HttpResponse<String> upload(JsonObject snapshot, String property, String filename, String type, byte[] content)
            throws IOException, InterruptedException {
        return upload(form(snapshot == null ? null : snapshot.toString(), property, filename, type, content));
    }

    HttpResponse<String> upload(byte[] form) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("_diffyne/upload")
                .header("Content-Type", UploadForm.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form)).build(), HttpResponse.BodyHandlers.ofString());
        response.headers().firstValue("Set-Cookie").ifPresent(set -> {
            Matcher m = COOKIE.matcher(set);
            if (m.find()) {
                cookie = m.group(1);
            }
        });
        return response;
    }

    /** {@code GET _diffyne/preview?id=…} with this browser's cookie. */
    HttpResponse<byte[]> preview(String id) throws IOException, InterruptedException {
        return http.send(request("_diffyne/preview?id=" + id).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@code POST _diffyne/update} with one action. */
    HttpResponse<String> action(String json) throws IOException, InterruptedException {
        return http.send(request("_diffyne/update").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (cookie != null) {
            request.header("Cookie", "diffyne-uploader=" + cookie);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
