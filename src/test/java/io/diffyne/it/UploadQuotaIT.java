package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The upload quotas against a running server: a client (an address, here named through the loopback proxy the
 * server trusts) holds at most {@code DIFFYNE_UPLOAD_CLIENT_QUOTA} bytes of temporary uploads, all clients together
 * {@code DIFFYNE_UPLOAD_TOTAL_QUOTA}; beyond them 429 with {@code Retry-After}, over {@code DIFFYNE_UPLOAD_MAX_SIZE}
 * 413, nothing of a refused upload on disk, and bytes given back when a component drops an upload. Its own Payara
 * Micro, because the quotas are read at deployment and the defaults would need a gigabyte of uploads.
 */
@Timeout(240)
class UploadQuotaIT {

    private static final int KIB = 1024;
    private static final List<String> SETTINGS = List.of("-DDIFFYNE_UPLOAD_MAX_SIZE=" + 64 * KIB,
            "-DDIFFYNE_UPLOAD_CLIENT_QUOTA=" + 128 * KIB, "-DDIFFYNE_UPLOAD_TOTAL_QUOTA=" + 256 * KIB);

    private static byte[] png(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy(UploadClient.PNG, 0, bytes, 0, UploadClient.PNG.length);
        return bytes;
    }

    private static long files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void quotasPerClientAndInTotalAreEnforcedAndGivenBack() throws Exception {
        Path dir = Path.of(System.getProperty("diffyne.it.logs", "target/it-logs"), "upload-quota-files")
                .toAbsolutePath();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> old = Files.list(dir)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        List<String> options = new java.util.ArrayList<>(SETTINGS);
        options.add("-DDIFFYNE_UPLOAD_DIR=" + dir);
        try (PayaraMicroProcess payara = PayaraMicroProcess.start("upload-quota", options)) {
            URI base = URI.create("http://127.0.0.1:" + payara.port() + "/diffyne/");
            payara.awaitHealthy(base, Duration.ofSeconds(150));
            AjaxTestClient pages = new AjaxTestClient(base);
            UploadClient ada = new UploadClient(base, "203.0.113.1");
            UploadClient bob = new UploadClient(base, "203.0.113.2");
            UploadClient eve = new UploadClient(base, "203.0.113.3");
            JsonObject adasPage = pages.snapshotFromPage("", "profile-photo");

            HttpResponse<String> tooBig = ada.upload(adasPage, "photo", "big.png", "image/png", png(64 * KIB + 1));
            assertEquals(413, tooBig.statusCode());
            assertEquals("{\"s\":false,\"error\":\"The file is over the 65536-byte limit (DIFFYNE_UPLOAD_MAX_SIZE)\","
                    + "\"type\":\"payload_too_large\"}", tooBig.body());
            assertEquals(0, files(dir), "nothing of a refused upload is kept");

            String first = upload(ada, adasPage, 60 * KIB);
            upload(ada, adasPage, 60 * KIB);
            HttpResponse<String> full = ada.upload(adasPage, "photo", "c.png", "image/png", png(60 * KIB));
            assertEquals(429, full.statusCode());
            assertEquals("{\"s\":false,\"error\":\"Your uploads waiting to be saved hold 122880 of 131072 bytes "
                    + "(DIFFYNE_UPLOAD_CLIENT_QUOTA): save or remove some, or wait until they expire\","
                    + "\"type\":\"rate_limited\"}", full.body());
            long retryAfter = Long.parseLong(full.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter > 23 * 3600 && retryAfter <= 24 * 3600 + 600, "until the oldest expires: " + retryAfter);
            assertEquals(4, files(dir), "two uploads and their metadata");

            upload(bob, pages.snapshotFromPage("", "profile-photo"), 60 * KIB);
            upload(bob, pages.snapshotFromPage("", "profile-photo"), 60 * KIB);
            HttpResponse<String> total = eve.upload(pages.snapshotFromPage("", "profile-photo"), "photo", "e.png",
                    "image/png", png(30 * KIB));
            assertEquals(429, total.statusCode(), "240 KiB are held: 30 more pass the 256 KiB total");
            assertEquals("{\"s\":false,\"error\":\"The server holds too many uploads waiting to be saved "
                    + "(DIFFYNE_UPLOAD_TOTAL_QUOTA): try again later\",\"type\":\"rate_limited\"}", total.body());
            assertTrue(total.headers().firstValue("Retry-After").isPresent());
            assertEquals(8, files(dir));

            // the component takes Ada's first upload, then drops it: the file goes and its bytes come back
            JsonObject held = AjaxTestClient.next(adasPage, AjaxTestClient.object(ada.action(AjaxTestClient.update(
                    adasPage, "photo", Json.createValue(first), "q-1"))));
            HttpResponse<String> discarded = ada.action(AjaxTestClient.call(held, "discard", "q-2"));
            assertEquals(200, discarded.statusCode(), discarded.body());
            assertEquals(6, files(dir));
            assertEquals(404, ada.preview(first).statusCode());
            upload(eve, pages.snapshotFromPage("", "profile-photo"), 30 * KIB);
            upload(ada, adasPage, 4 * KIB);
            assertFalse(payara.output().contains("SEVERE"), "no SEVERE line in the server log");
        }
    }

    private static String upload(UploadClient client, JsonObject page, int size) throws Exception {
        HttpResponse<String> response = client.upload(page, "photo", "f.png", "image/png", png(size));
        assertEquals(200, response.statusCode(), response.body());
        return AjaxTestClient.object(response).getString("id");
    }
}
