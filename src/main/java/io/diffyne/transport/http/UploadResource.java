package io.diffyne.transport.http;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.DiffyneSettings;
import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.protocol.RequestReader;
import io.diffyne.runtime.ClientContext;
import io.diffyne.runtime.DiffyneRuntime;
import io.diffyne.runtime.UploadTarget;
import io.diffyne.transport.DiffyneEndpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code POST /_diffyne/upload} (multipart: {@code snapshot}, the component's signed snapshot as JSON; {@code property};
 * then {@code file}) stores a file for an upload property of a verified component and answers
 * {@code {"s":true,"id":"Yq3…Xz.png","name":"cat.png","type":"image/png","size":3121,"componentId":"q3Xv9Tz0bA1c",
 * "property":"photo","preview":"/app/_diffyne/preview?id=Yq3…Xz.png"}} ({@code preview} for types shown inline);
 * the client then sets the property to the id. Before a byte of the file is read: the snapshot must verify and its
 * component declare the property as an upload property ({@link DiffyneRuntime#authorizeUpload}), the rate limit must
 * allow a unit per started MiB the body declares, and the client's quota must have room. Fields must precede the file
 * (browsers keep {@code FormData} order), so the file streams straight to storage. The answer sets the uploader cookie
 * ({@link UploaderCookie}) that previews ask for.
 */
@Path("upload")
@DiffyneEndpoint
@ApplicationScoped
public class UploadResource {

    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,127}");
    /** Room for the part headers around the fields and the file. */
    private static final long ENVELOPE = 64 * 1024;
    private static final long MIB = 1_048_576;

    private Uploads uploads;
    private DiffyneRuntime runtime;
    private DiffyneConfig config;
    private HttpRateLimit limit;

    /**
     * For CDI's proxy, and public because RESTEasy (WildFly) insists on a public constructor for a resource class
     * before it asks CDI for the bean; the instance that handles requests is CDI's, built by the @Inject one.
     */
    public UploadResource() {
        // fields are set by the injecting constructor
    }

    @Inject
    public UploadResource(Uploads uploads, DiffyneRuntime runtime, DiffyneConfig config, HttpRateLimit limit) {
        this.uploads = uploads;
        this.runtime = runtime;
        this.config = config;
        this.limit = limit;
    }

    @POST
    public Response upload(InputStream body, @Context HttpHeaders headers, @Context SecurityContext security,
                           @Context HttpServletRequest request, @Context UriInfo uri) throws IOException {
        UploadStore store = uploads.store();
        DiffyneSettings settings = config.settings();
        MediaType type = headers.getMediaType();
        if (type == null || !type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE) || type.isWildcardSubtype()) {
            throw new ProtocolException(ErrorType.UNSUPPORTED_MEDIA_TYPE, "Send uploads as multipart/form-data");
        }
        long max = store.maxSize() + settings.maxMessageSize() + ENVELOPE;
        if (headers.getLength() > max) {
            throw UploadStore.tooLarge(store.maxSize());
        }
        if (headers.getLength() > MIB) {
            // the filter took one unit for the request: a large upload is more work than a click
            long wait = limit.acquire(request, (int) ((headers.getLength() + MIB - 1) / MIB) - 1);
            if (wait > 0) {
                return Response.fromResponse(RateLimitFilter.refusal(wait, null)).header("Connection", "close").build();
            }
        }
        ClientContext client = ClientIdentity.of(headers, security, request, settings.trustedProxies());
        String secret = UploaderCookie.read(headers.getCookies());
        boolean freshSecret = secret == null;
        if (freshSecret) {
            secret = UploaderCookie.fresh();
        }
        UploadStore.Uploader uploader = new UploadStore.Uploader(UploaderCookie.hash(secret),
                ClientIdentity.remoteAddress(request, settings.trustedProxies()));
        String previews = uri.getBaseUri().getRawPath() + "preview?id=";
        UploadStore.Upload stored;
        try {
            stored = read(new MultipartReader(body, type.getParameters().get("boundary"), max,
                    l -> UploadStore.tooLarge(store.maxSize())), client, uploader, settings.maxMessageSize(), previews);
        } catch (UploadQuota.Full full) {
            return Response.status(ErrorType.RATE_LIMITED.httpStatus()).type(ErrorBody.JSON)
                    .entity(ErrorBody.json(full)).header("Retry-After", Long.toString(full.retryAfterSeconds()))
                    .header("Connection", "close") // the rest of the file was never read
                    .build();
        }
        Response.ResponseBuilder ok = Response.ok(answer(stored), ErrorBody.JSON);
        if (freshSecret) {
            ok.cookie(UploaderCookie.cookie(secret, uri.getBaseUri().getRawPath(), secure(uri, headers)));
        }
        return ok.build();
    }

    private UploadStore.Upload read(MultipartReader reader, ClientContext client, UploadStore.Uploader uploader,
                                    int maxSnapshot, String previews) throws IOException {
        UploadStore store = uploads.store();
        JsonObject snapshot = null;
        String property = null;
        UploadStore.Upload stored = null;
        try {
            for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
                switch (part.name()) {
                    case "snapshot" -> snapshot = snapshot(part, maxSnapshot);
                    case "property" -> property = property(part);
                    case "file" -> {
                        if (stored != null || part.filename() == null) {
                            throw bad("Send exactly one file, in the field 'file'");
                        }
                        if (snapshot == null || property == null) {
                            throw bad("Send the fields snapshot (the component's signed snapshot) and property"
                                    + " before the file");
                        }
                        UploadTarget target = runtime.authorizeUpload(snapshot, property, client);
                        stored = store.store(part.body(), part.contentType(), part.filename(), target, uploader,
                                id -> previews + id);
                    }
                    default -> throw bad("Unexpected form field: use snapshot, property and file");
                }
            }
            if (stored == null) {
                throw bad("An upload needs the fields snapshot, property and file");
            }
            return stored;
        } catch (RuntimeException | IOException e) {
            if (stored != null) {
                store.delete(stored);
            }
            throw e;
        }
    }

    /** Whether the browser reached us over https (directly, or through a proxy that says so). */
    private static boolean secure(UriInfo uri, HttpHeaders headers) {
        String forwarded = headers.getHeaderString("X-Forwarded-Proto");
        String scheme = forwarded == null ? uri.getBaseUri().getScheme() : forwarded.split(",", 2)[0].trim();
        return "https".equalsIgnoreCase(scheme);
    }

    private static String answer(UploadStore.Upload stored) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("s", true)
                .add("id", stored.id())
                .add("name", stored.name())
                .add("type", stored.type())
                .add("size", stored.size())
                .add("componentId", stored.componentId())
                .add("property", stored.property());
        if (stored.preview() != null) {
            json.add("preview", stored.preview());
        }
        return json.build().toString();
    }

    private static JsonObject snapshot(MultipartReader.Part part, int max) throws IOException {
        JsonStructure json = RequestReader.parse(text(part, max, () -> new ProtocolException(
                ErrorType.PAYLOAD_TOO_LARGE, "The field 'snapshot' is over " + max + " bytes ("
                + DiffyneSettings.WS_MAX_MESSAGE_SIZE + ")")));
        if (!(json instanceof JsonObject snapshot)) {
            throw bad("The field 'snapshot' must be the component's snapshot, a JSON object");
        }
        return snapshot;
    }

    private static String property(MultipartReader.Part part) throws IOException {
        String text = text(part, 256, () -> bad("The field 'property' is too long"));
        if (!PROPERTY.matcher(text).matches()) {
            throw bad("The field 'property' is not valid");
        }
        return text;
    }

    /** A form field's value as UTF-8 text of at most {@code max} bytes. */
    private static String text(MultipartReader.Part part, int max, Supplier<ProtocolException> tooLong)
            throws IOException {
        return BoundedBody.readUtf8(part.body(), -1, max, tooLong);
    }

    private static ProtocolException bad(String message) {
        return new ProtocolException(ErrorType.BAD_REQUEST, message);
    }
}
