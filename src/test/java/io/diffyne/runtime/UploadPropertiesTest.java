package io.diffyne.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.component.Component;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.component.FileSize;
import io.diffyne.component.FileType;
import io.diffyne.component.Locked;
import io.diffyne.component.TemporaryUpload;
import io.diffyne.config.DiffyneSettings;
import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.runtime.fixtures.Attachments;
import io.diffyne.runtime.meta.ComponentDefinitionException;
import io.diffyne.runtime.meta.ComponentRegistry;
import io.diffyne.runtime.meta.ComponentType;
import io.diffyne.runtime.meta.PlainComponentFactory;
import io.diffyne.runtime.meta.UploadProperty;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upload properties ({@code TemporaryUpload} fields) through the runtime: who may set them, and what a component can do. */
class UploadPropertiesTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    @TempDir
    Path folder;

    final MemoryUploads uploads = new MemoryUploads();
    DefaultDiffyneRuntime runtime;
    RuntimeHarness.Client page;

    @BeforeEach
    void mount() {
        Attachments.folder = folder;
        runtime = new DefaultDiffyneRuntime(ComponentRegistry.of(Attachments.class), new PlainComponentFactory(),
                DiffyneSettings.load(name -> Optional.ofNullable(RuntimeHarness.KEY.get(name))),
                Validation.buildDefaultValidatorFactory().getValidator(), b -> { }, new LocalIssuedVersions(), uploads);
        page = new RuntimeHarness.Client(runtime.mount("test-attachments", Map.of(), RuntimeHarness.ajax()).html());
    }

    JsonObject update(String property, String jsonValue) {
        return page.send(runtime, RuntimeHarness.ajax(), "{\"type\":\"update\",\"requestId\":\"r" + System.nanoTime()
                + "\",\"property\":\"" + property + "\",\"value\":" + jsonValue + "}");
    }

    JsonObject call(String method) {
        return page.send(runtime, RuntimeHarness.ajax(), "{\"type\":\"call\",\"requestId\":\"c" + System.nanoTime()
                + "\",\"method\":\"" + method + "\"}");
    }

    String render() {
        return page.send(runtime, RuntimeHarness.ajax(), "{\"type\":\"render\"}").getJsonObject("c").getString("h");
    }

    @Test
    void aPropertyTakesAnUploadMadeForItAndTheComponentReadsAndMovesIt() throws Exception {
        String id = uploads.put(page.id(), "photo", null, "cat.png", "image/png", PNG);
        JsonObject set = update("photo", "\"" + id + "\"");
        assertTrue(set.getBoolean("s"), set.toString());
        assertEquals(id, page.state().getString("photo"), "the state holds only the id");
        assertTrue(render().contains("<img src=\"/ctx/_diffyne/preview?id=" + id + "\" alt=\"cat.png\">"
                + "<span>8 image/png</span>"), render());
        call("peek");
        assertEquals("PNG", page.state().getString("note"), "open() streams the bytes");

        JsonObject saved = call("save");
        assertTrue(saved.getBoolean("s"), saved.toString());
        assertArrayEquals(PNG, Files.readAllBytes(folder.resolve(page.id() + ".png")));
        assertFalse(uploads.holds(id), "moving ends the upload");
        assertEquals("cat.png", page.state().getString("saved"));
        assertTrue(page.state().isNull("photo"));
    }

    @Test
    void aPropertyRefusesEveryOtherUploadAlike() {
        String otherComponent = uploads.put("zzzzzzzzzzzz", "photo", null, "a.png", "image/png", PNG);
        String otherProperty = uploads.put(page.id(), "files", null, "b.png", "image/png", PNG);
        String otherUser = uploads.put(page.id(), "photo", "mallory", "c.png", "image/png", PNG);
        for (String id : List.of(otherComponent, otherProperty, otherUser, "00000000000000000000000000000099.png")) {
            JsonObject refused = update("photo", "\"" + id + "\"");
            assertEquals("{\"s\":false,\"error\":\"No upload with that id was made for property 'photo' of this"
                    + " component by this user, or it expired: upload the file again\",\"type\":\"security_error\","
                    + "\"requestId\":\"" + refused.getString("requestId") + "\"}", refused.toString());
        }
        JsonObject number = update("photo", "42");
        assertEquals("property_error", number.getString("type"));
        assertEquals("Property 'photo' of component 'test-attachments' takes an upload id or null, as POST"
                + " /_diffyne/upload answered", number.getString("error"));
        assertEquals("property_error", update("files", "\"" + otherProperty + "\"").getString("type"));
        assertTrue(page.state().isNull("photo"));
        // a deferred model value of a call is checked like an update
        JsonObject deferred = page.send(runtime, RuntimeHarness.ajax(), "{\"type\":\"call\",\"requestId\":\"d1\","
                + "\"method\":\"peek\",\"updates\":{\"photo\":\"" + otherComponent + "\"}}");
        assertEquals("security_error", deferred.getString("type"));
    }

    @Test
    void beanValidationChecksTypeAndSize() {
        String text = uploads.put(page.id(), "photo", null, "notes.txt", "text/plain", "hello".getBytes());
        update("photo", "\"" + text + "\"");
        JsonObject wrongType = call("save");
        assertEquals("validation_error", wrongType.getString("type"));
        assertEquals("[\"a PNG, please\"]", wrongType.getJsonObject("errors").getJsonArray("photo").toString());
        String big = uploads.put(page.id(), "photo", null, "big.png", "image/png", new byte[101]);
        update("photo", "\"" + big + "\"");
        assertEquals("[\"at most 100 bytes\"]", call("save").getJsonObject("errors").getJsonArray("photo").toString());
        assertTrue(uploads.holds(big));
        assertFalse(uploads.holds(text), "replaced: the earlier upload is deleted");
    }

    @Test
    void severalFilesAndWhatTheComponentDropsIsDeleted() {
        String a = uploads.put(page.id(), "files", null, "a.txt", "text/plain", "a".getBytes());
        String b = uploads.put(page.id(), "files", null, "b.txt", "text/plain", "b".getBytes());
        assertTrue(update("files", "[\"" + a + "\",\"" + b + "\"]").getBoolean("s"));
        assertTrue(render().contains("<ul><li>a.txt</li><li>b.txt</li></ul>"), render());
        call("keepFirst");
        assertEquals(List.of(b), uploads.deleted);
        assertEquals(Json.createArrayBuilder().add(a).build(), page.state().getJsonArray("files"));
        assertEquals("property_error", update("files", "null").getString("type"));
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(65, "\"" + a + "\"")) + "]";
        assertEquals("Property 'files' of component 'test-attachments' takes at most 64 files",
                update("files", tooMany).getString("error"));
    }

    @Test
    void anUploadThatIsGoneReadsBackAsNothing() {
        String a = uploads.put(page.id(), "files", null, "a.txt", "text/plain", "a".getBytes());
        String p = uploads.put(page.id(), "photo", null, "p.png", "image/png", PNG);
        update("files", "[\"" + a + "\"]");
        update("photo", "\"" + p + "\"");
        uploads.forget(a); // expired: the janitor deleted it
        uploads.forget(p);
        String html = render();
        assertTrue(html.contains("<ul></ul>") && !html.contains("<img"), html);
        JsonObject next = update("note", "\"y\"");
        assertTrue(next.getBoolean("s"), next.toString());
        assertEquals(0, page.state().getJsonArray("files").size(), "the next state holds them no more");
        assertTrue(page.state().isNull("photo"));
    }

    @Test
    void anUploadNeedsAVerifiedSnapshotOfAComponentDeclaringThatProperty() {
        UploadTarget target = runtime.authorizeUpload(page.snapshot, "files", RuntimeHarness.ajax());
        assertEquals(new UploadTarget("test-attachments", page.id(), "files", true, null), target);
        JsonObject forged = Json.createObjectBuilder(page.snapshot).add("id", "zzzzzzzzzzzz").build();
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> runtime.authorizeUpload(forged, "photo", RuntimeHarness.ajax()));
        assertEquals(ErrorType.SECURITY_ERROR, e.type());
        ClientContext mallory = new ClientContext("client-2", "mallory", Channel.AJAX, null);
        assertEquals(ErrorType.SECURITY_ERROR, assertThrows(ProtocolException.class,
                () -> runtime.authorizeUpload(page.snapshot, "photo", mallory)).type(), "signed for another user");
        ProtocolException undeclared = assertThrows(ProtocolException.class,
                () -> runtime.authorizeUpload(page.snapshot, "note", RuntimeHarness.ajax()));
        assertEquals(ErrorType.BAD_REQUEST, undeclared.type());
        assertEquals("Property 'note' of component 'test-attachments' takes no uploads: declare it as a"
                + " TemporaryUpload (or List<TemporaryUpload>) state field", undeclared.getMessage());
        assertEquals(ErrorType.BAD_REQUEST, assertThrows(ProtocolException.class, () -> runtime.authorizeUpload(
                Json.createObjectBuilder().add("component", 1).build(), "photo", RuntimeHarness.ajax())).type());
        // an older version of the same instance proves the same: the upload changes no state
        update("note", "\"x\"");
        assertEquals(target, runtime.authorizeUpload(page.snapshot, "files", RuntimeHarness.ajax()));
    }

    /** What a component declares, validated as {@code validate()} does. */
    static final class Declared {
        @FileType("image/png")
        TemporaryUpload one;
        @FileSize(max = 3)
        List<TemporaryUpload> all;
        List<@FileType("text/plain") TemporaryUpload> each;
    }

    @Test
    void fileConstraintsCheckOneUploadOrEveryUploadOfAList() {
        var validator = Validation.buildDefaultValidatorFactory().getValidator();
        UploadHandle png = new UploadHandle(new StoredUpload("a.png", "a.png", "image/png", 2, page.id(), "photo", null,
                null, java.time.Instant.EPOCH), uploads);
        UploadHandle text = new UploadHandle(new StoredUpload("b.txt", "b.txt", "text/plain", 5, page.id(), "photo",
                null, null, java.time.Instant.EPOCH), uploads);
        Declared declared = new Declared();
        assertEquals(Set.of(), validator.validate(declared), "null is valid: @NotNull requires a file");
        declared.one = text;
        declared.all = List.of(png, text);
        declared.each = List.of(text, png);
        Set<String> failed = new java.util.TreeSet<>();
        validator.validate(declared).forEach(v -> failed.add(v.getPropertyPath() + ": " + v.getMessage()));
        assertEquals(Set.of("all: must be between 0 and 3 bytes", "each[1].<list element>: must be of type [text/plain]",
                "one: must be of type [image/png]"), failed);
        declared.one = png;
        declared.all = List.of(png);
        declared.each = List.of(text);
        assertEquals(Set.of(), validator.validate(declared));
    }

    @DiffyneComponent("bad-uploads")
    public static class BadUploads extends Component {
        public Map<String, TemporaryUpload> byName;
        @Locked
        public TemporaryUpload locked;
        public TemporaryUpload fine;
    }

    @Test
    void uploadPropertiesAreDeclaredDirectlyAndWritable() {
        ComponentDefinitionException e = assertThrows(ComponentDefinitionException.class,
                () -> ComponentType.of(BadUploads.class));
        String cls = BadUploads.class.getName();
        assertEquals(List.of(cls + ".byName is a java.util.Map<java.lang.String, io.diffyne.component.TemporaryUpload>;"
                + " an upload property is declared directly on the component as TemporaryUpload (one file) or"
                + " List<TemporaryUpload> (several): change the field's type",
                cls + ".locked is a TemporaryUpload property and cannot be @Locked: the browser sets it by uploading a"
                        + " file; remove the annotation"), e.problems());
        assertEquals(Map.of("files", new UploadProperty("files", true), "photo", new UploadProperty("photo", false)),
                ComponentType.of(Attachments.class).uploadProperties());
    }
}
