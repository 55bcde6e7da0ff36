package io.diffyne.transport.http;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.transport.DiffyneEndpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Objects;

/**
 * {@code GET /_diffyne/preview?id=…}: an upload shown back to the browser that uploaded it (the request carries its
 * {@link UploaderCookie}, and the same signed-in user, if any), for the types safe to show inline
 * ({@link MimeSniffer#INLINE}: raster images and plain text) only. Anyone else, and any other type, gets the same 404
 * as an id that never existed. Served with its checked type, never sniffed by the browser ({@code nosniff}),
 * sandboxed by CSP, inline under the id as file name, and not embeddable by other sites
 * ({@code Cross-Origin-Resource-Policy: same-origin}).
 */
@Path("preview")
@DiffyneEndpoint
@ApplicationScoped
public class PreviewResource {

    static final String NOT_FOUND = "No such upload (uploads expire after 24 hours)";

    private Uploads uploads;

    /**
     * For CDI's proxy, and public because RESTEasy (WildFly) insists on a public constructor for a resource class
     * before it asks CDI for the bean; the instance that handles requests is CDI's, built by the @Inject one.
     */
    public PreviewResource() {
        // fields are set by the injecting constructor
    }

    @Inject
    public PreviewResource(Uploads uploads) {
        this.uploads = uploads;
    }

    private static ProtocolException notFound() {
        return new ProtocolException(ErrorType.NOT_FOUND, NOT_FOUND);
    }

    @GET
    public Response preview(@QueryParam("id") String id, @Context HttpHeaders headers,
                            @Context SecurityContext security, @Context HttpServletRequest request)
            throws IOException {
        String secret = UploaderCookie.read(headers.getCookies());
        String principal = ClientIdentity.principal(security, request);
        UploadStore.Upload upload = uploads.store().find(id)
                .filter(u -> MimeSniffer.INLINE.contains(u.type()))
                .filter(u -> UploaderCookie.owns(secret, u.owner()) && Objects.equals(u.principal(), principal))
                .orElseThrow(PreviewResource::notFound);
        java.io.InputStream content;
        try {
            content = Files.newInputStream(upload.file());
        } catch (java.nio.file.NoSuchFileException movedMeanwhile) {
            throw notFound();
        }
        String contentType = upload.type().startsWith("text/") ? upload.type() + "; charset=UTF-8" : upload.type();
        return Response.ok(content, contentType)
                .header(HttpHeaders.CONTENT_LENGTH, upload.size())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
                .header("Cross-Origin-Resource-Policy", "same-origin")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + upload.id() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .header(HttpHeaders.VARY, "Cookie")
                .build();
    }
}
