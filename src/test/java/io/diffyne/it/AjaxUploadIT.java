package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;
import io.diffyne.transport.http.UploadForm;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * {@code POST /_diffyne/upload} and {@code GET /_diffyne/preview} against the real WAR, as a browser uses them and as
 * an attacker would (finding 3 of issue 12): an upload must name a verified snapshot of a component that declares
 * that upload property; an upload belongs to its component, property and browser, so nobody else can preview it or
 * set a property to it; a text file is text to its last byte. The quotas, which need settings of their own, are
 * {@link UploadQuotaIT}'s.
 */
class AjaxUploadIT extends AbstractDiffyneIT {

    private JsonObject snapshot(String component) throws Exception {
        return new AjaxTestClient(loopbackBase()).snapshotFromPage("", component);
    }

    private JsonObject photoSnapshot() throws Exception {
        return snapshot("profile-photo");
    }

    @Test
    void aGoodUploadIsStoredAndPreviewedUnsniffableToItsUploader() throws Exception {
        JsonObject snapshot = photoSnapshot();
        UploadClient browser = new UploadClient(loopbackBase(), null);
        HttpResponse<String> response = browser.upload(snapshot, "photo", "pixel.png", "image/png", UploadClient.PNG);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject json = AjaxTestClient.object(response);
        String id = json.getString("id");
        assertTrue(id.matches("[A-Za-z0-9_-]{32}\\.png"), id);
        assertEquals("pixel.png", json.getString("name"));
        assertEquals(UploadClient.PNG.length, json.getInt("size"));
        assertEquals(snapshot.getString("id"), json.getString("componentId"));
        assertEquals(contextPath() + "/_diffyne/preview?id=" + id, json.getString("preview"));
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("Path=" + contextPath() + "/_diffyne/") && setCookie.contains("HttpOnly")
                && setCookie.contains("SameSite=Strict"), setCookie);

        HttpResponse<byte[]> preview = browser.preview(id);
        assertEquals(200, preview.statusCode());
        assertArrayEquals(UploadClient.PNG, preview.body());
        assertEquals("image/png", preview.headers().firstValue("Content-Type").orElse(null));
        assertEquals("nosniff", preview.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("inline; filename=\"" + id + "\"", preview.headers().firstValue("Content-Disposition").orElse(null));
        assertTrue(preview.headers().firstValue("Content-Security-Policy").orElse("").endsWith("; sandbox"));
    }

    @Test
    void aPathTraversalNameIsRefused() throws Exception {
        UploadClient browser = new UploadClient(loopbackBase(), null);
        for (String name : new String[] {"../../../../etc/cron.d/x.png", "..\\\\..\\\\boot.ini"}) {
            HttpResponse<String> response = browser.upload(photoSnapshot(), "photo", name, "image/png", UploadClient.PNG);
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
        HttpResponse<String> response = new UploadClient(loopbackBase(), null).upload(photoSnapshot(), "photo", "x.png",
                "image/png", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, response.statusCode());
        assertEquals("{\"s\":false,\"error\":\"The file's content is not image/png as declared\","
                + "\"type\":\"unsupported_media_type\"}", response.body());
    }

    private static final String NOT_FOUND = "{\"s\":false,\"error\":\"No such upload (uploads expire after 24 hours)\","
            + "\"type\":\"not_found\"}";


    private static String id(HttpResponse<String> upload) {
        assertEquals(200, upload.statusCode(), upload.body());
        return AjaxTestClient.object(upload).getString("id");
    }

    @Test
    void anUploadWithoutAVerifiedSnapshotOfAnUploadPropertyIsRefused() throws Exception {
        UploadClient attacker = new UploadClient(loopbackBase(), null);
        JsonObject photo = snapshot("profile-photo");

        HttpResponse<String> none = attacker.upload(UploadClient.form(null, "photo", "x.png", "image/png", UploadClient.PNG));
        assertEquals(400, none.statusCode());
        assertEquals("{\"s\":false,\"error\":\"Send the fields snapshot (the component's signed snapshot) and property"
                + " before the file\",\"type\":\"bad_request\"}", none.body());
        HttpResponse<String> old = attacker.upload(UploadForm.field("componentId", photo.getString("id")));
        assertEquals(400, old.statusCode(), "the component id alone, as before, proves nothing");

        String invalidSignature = "{\"s\":false,\"error\":\"Invalid state signature: the snapshot was changed, or signed"
                + " for another user or key\",\"type\":\"security_error\"}";
        JsonObject forged = Json.createObjectBuilder(photo).add("sig", "AAAAAAAAAAAAAAAAAAAAAA").build();
        assertRefused(403, invalidSignature, attacker.upload(forged, "photo", "x.png", "image/png", UploadClient.PNG));
        JsonObject otherId = Json.createObjectBuilder(photo).add("id", "zzzzzzzzzzzz").build();
        assertRefused(403, invalidSignature, attacker.upload(otherId, "photo", "x.png", "image/png", UploadClient.PNG));
        JsonObject otherType = Json.createObjectBuilder(photo).add("component", "counter").build();
        assertRefused(403, invalidSignature, attacker.upload(otherType, "photo", "x.png", "image/png", UploadClient.PNG));

        // genuine snapshots, of a component or a property that takes no uploads
        assertRefused(400, "{\"s\":false,\"error\":\"Property 'photo' of component 'counter' takes no uploads: declare it"
                + " as a TemporaryUpload (or List<TemporaryUpload>) state field\",\"type\":\"bad_request\"}",
                attacker.upload(snapshot("counter"), "photo", "x.png", "image/png", UploadClient.PNG));
        assertRefused(400, "{\"s\":false,\"error\":\"Property 'saved' of component 'profile-photo' takes no uploads:"
                + " declare it as a TemporaryUpload (or List<TemporaryUpload>) state field\",\"type\":\"bad_request\"}",
                attacker.upload(photo, "saved", "x.png", "image/png", UploadClient.PNG));
        HttpResponse<String> notJson = attacker.upload(UploadClient.form("{\"component\":", "photo", "x.png",
                "image/png", UploadClient.PNG));
        assertEquals(400, notJson.statusCode(), notJson.body());
        assertEquals("bad_request", AjaxTestClient.object(notJson).getString("type"));
    }

    private static void assertRefused(int status, String body, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(body, response.body());
        assertTrue(response.headers().firstValue("Set-Cookie").isEmpty(), "a refused upload makes no uploader");
    }

    @Test
    void onlyTheUploadingBrowserSeesThePreviewOthersLearnNothing() throws Exception {
        UploadClient ada = new UploadClient(loopbackBase(), null);
        UploadClient bob = new UploadClient(loopbackBase(), null);
        String adas = id(ada.upload(snapshot("profile-photo"), "photo", "ada.png", "image/png", UploadClient.PNG));
        id(bob.upload(snapshot("profile-photo"), "photo", "bob.png", "image/png", UploadClient.PNG));
        assertNotEquals(ada.cookie(), bob.cookie());

        assertEquals(200, ada.preview(adas).statusCode());
        HttpResponse<byte[]> byBob = bob.preview(adas);
        assertEquals(404, byBob.statusCode());
        assertEquals(NOT_FOUND, new String(byBob.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> byNobody = new UploadClient(loopbackBase(), null).preview(adas);
        assertEquals(404, byNobody.statusCode());
        HttpResponse<byte[]> unknown = bob.preview("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.png");
        assertEquals(NOT_FOUND, new String(unknown.body(), StandardCharsets.UTF_8), "the same answer as for no upload");
    }

    @Test
    void aPropertyCannotBeSetToAnotherComponentsUpload() throws Exception {
        UploadClient ada = new UploadClient(loopbackBase(), null);
        UploadClient mallory = new UploadClient(loopbackBase(), null);
        JsonObject adasPage = snapshot("profile-photo");
        JsonObject mallorysPage = snapshot("profile-photo");
        String adas = id(ada.upload(adasPage, "photo", "ada.png", "image/png", UploadClient.PNG));

        HttpResponse<String> stolen = mallory.action(AjaxTestClient.update(mallorysPage, "photo",
                Json.createValue(adas), "steal-1"));
        assertEquals(403, stolen.statusCode());
        assertEquals("{\"s\":false,\"error\":\"No upload with that id was made for property 'photo' of this component by"
                + " this user, or it expired: upload the file again\",\"type\":\"security_error\",\"requestId\":"
                + "\"steal-1\"}", stolen.body());
        HttpResponse<String> madeUp = mallory.action(AjaxTestClient.update(mallorysPage, "photo",
                Json.createValue("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.png"), "steal-2"));
        assertEquals(stolen.body().replace("steal-1", "steal-2"), madeUp.body(), "no hint which ids exist");
        HttpResponse<String> smuggled = mallory.action(Json.createObjectBuilder().add("type", "call")
                .add("requestId", "steal-3").add("snapshot", mallorysPage).add("method", "save")
                .add("updates", Json.createObjectBuilder().add("photo", adas)).build().toString());
        assertEquals(403, smuggled.statusCode(), "a deferred model value of a call is checked alike");

        HttpResponse<String> own = ada.action(AjaxTestClient.update(adasPage, "photo", Json.createValue(adas), "own-1"));
        assertEquals(200, own.statusCode(), own.body());
        assertEquals(adas, AjaxTestClient.next(adasPage, AjaxTestClient.object(own)).getJsonObject("state")
                .getString("photo"));
    }

    @Test
    void theComponentSavesItsUploadWhichThenLeavesTemporaryStorage() throws Exception {
        UploadClient ada = new UploadClient(loopbackBase(), null);
        JsonObject page = snapshot("profile-photo");
        String id = id(ada.upload(page, "photo", "me.png", "image/png", UploadClient.PNG));
        page = AjaxTestClient.next(page, AjaxTestClient.object(ada.action(AjaxTestClient.update(page, "photo",
                Json.createValue(id), "save-1"))));
        HttpResponse<String> saved = ada.action(AjaxTestClient.call(page, "save", "save-2"));
        assertEquals(200, saved.statusCode(), saved.body());
        JsonObject state = AjaxTestClient.next(page, AjaxTestClient.object(saved)).getJsonObject("state");
        assertTrue(state.isNull("photo"));
        String name = state.getString("saved");
        assertTrue(name.matches("[A-Za-z0-9_-]{22}\\.png"), name);

        HttpResponse<byte[]> photo = ada.get("photos/" + name);
        assertEquals(200, photo.statusCode());
        assertArrayEquals(UploadClient.PNG, photo.body());
        assertEquals("image/png", photo.headers().firstValue("Content-Type").orElse(null));
        assertEquals("nosniff", photo.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals(404, ada.preview(id).statusCode(), "moved: the temporary upload is gone");
        assertEquals(404, ada.get("photos/..%2F..%2Fetc%2Fpasswd").statusCode());
    }

    @Test
    void aTextFileIsTextToItsLastByte() throws Exception {
        UploadClient ada = new UploadClient(loopbackBase(), null);
        byte[] text = new byte[4096];
        Arrays.fill(text, (byte) 'a');
        text[600] = 0; // after the 512 bytes the old sniffer read
        HttpResponse<String> nul = ada.upload(snapshot("profile-photo"), "photo", "notes.txt", "text/plain", text);
        assertEquals(415, nul.statusCode());
        assertEquals("{\"s\":false,\"error\":\"The file's content is not text/plain as declared\","
                + "\"type\":\"unsupported_media_type\"}", nul.body());
        text[600] = '\n';
        text[4095] = (byte) 0xC3; // a character cut at the end of the file
        assertEquals(415, ada.upload(snapshot("profile-photo"), "photo", "notes.txt", "text/plain", text).statusCode());
        text[4095] = '.';
        String id = id(ada.upload(snapshot("profile-photo"), "photo", "notes.txt", "text/plain; charset=utf-8", text));
        HttpResponse<byte[]> preview = ada.preview(id);
        assertEquals("text/plain;charset=UTF-8", preview.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        assertArrayEquals(text, preview.body());
    }
}
