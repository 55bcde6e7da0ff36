package io.diffyne.transport.http;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * {@code POST /_diffyne/upload} (multipart: {@code componentId}, {@code property}, {@code file}) stores a file for a
 * component's property and answers
 * {@code {"s":true,"id":"Yq3…Xz.png","name":"cat.png","type":"image/png","size":3121,"componentId":"q3Xv9Tz0bA1c",
 * "property":"photo","preview":"/app/_diffyne/preview?id=Yq3…Xz.png"}}; the client then sets the property to the id.
 * Fields must precede the file (browsers keep {@code FormData} order), so the file streams straight to storage.
 */
@Path("upload")
@ApplicationScoped
public class UploadResource {

    private static final Pattern COMPONENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,127}");
    /** Room for the form fields and part headers around the file. */
    private static final long ENVELOPE = 64 * 1024;

    private Uploads uploads;

    /**
     * For CDI's proxy, and public because RESTEasy (WildFly) insists on a public constructor for a resource class
     * before it asks CDI for the bean; the instance that handles requests is CDI's, built by the @Inject one.
     */
    public UploadResource() {
        // fields are set by the injecting constructor
    }

    @Inject
    public UploadResource(Uploads uploads) {
        this.uploads = uploads;
    }

    @POST
    public Response upload(InputStream body, @Context HttpHeaders headers, @Context UriInfo uri) throws IOException {
        UploadStore store = uploads.store();
        MediaType type = headers.getMediaType();
        if (type == null || !type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE) || type.isWildcardSubtype()) {
            throw new ProtocolException(ErrorType.UNSUPPORTED_MEDIA_TYPE, "Send uploads as multipart/form-data");
        }
        long limit = store.maxSize() + ENVELOPE;
        if (headers.getLength() > limit) {
            throw UploadStore.tooLarge(store.maxSize());
        }
        MultipartReader reader = new MultipartReader(body, type.getParameters().get("boundary"), limit,
                l -> UploadStore.tooLarge(store.maxSize()));
        String componentId = null;
        String property = null;
        UploadStore.Upload stored = null;
        try {
            for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
                switch (part.name()) {
                    case "componentId" -> componentId = field(part, COMPONENT_ID, "componentId");
                    case "property" -> property = field(part, PROPERTY, "property");
                    case "file" -> {
                        if (stored != null || part.filename() == null) {
                            throw bad("Send exactly one file, in the field 'file'");
                        }
                        if (componentId == null || property == null) {
                            throw bad("Send the fields componentId and property before the file");
                        }
                        stored = store.store(part.body(), part.contentType(), part.filename(), componentId, property);
                    }
                    default -> throw bad("Unexpected form field: use componentId, property and file");
                }
            }
            if (stored == null) {
                throw bad("An upload needs the fields componentId, property and file");
            }
        } catch (RuntimeException | IOException e) {
            if (stored != null) {
                store.delete(stored);
            }
            throw e;
        }
        String json = JSON.createObjectBuilder()
                .add("s", true)
                .add("id", stored.id())
                .add("name", stored.name())
                .add("type", stored.type())
                .add("size", stored.size())
                .add("componentId", stored.componentId())
                .add("property", stored.property())
                .add("preview", uri.getBaseUri().getRawPath() + "preview?id=" + stored.id())
                .build().toString();
        return Response.ok(json, ErrorBody.JSON).build();
    }

    private static String field(MultipartReader.Part part, Pattern pattern, String name) throws IOException {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        int n;
        while ((n = part.body().read(buffer)) > 0) {
            if (value.size() + n > 256) {
                throw bad("The field '" + name + "' is too long");
            }
            value.write(buffer, 0, n);
        }
        String text = value.toString(StandardCharsets.UTF_8);
        if (!pattern.matcher(text).matches()) {
            throw bad("The field '" + name + "' is not valid");
        }
        return text;
    }

    private static ProtocolException bad(String message) {
        return new ProtocolException(ErrorType.BAD_REQUEST, message);
    }
}
