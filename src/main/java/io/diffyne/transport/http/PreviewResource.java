package io.diffyne.transport.http;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.file.Files;

/**
 * {@code GET /_diffyne/preview?id=…}: an upload served back with its checked type, never sniffed by the browser
 * ({@code nosniff}) and sandboxed by CSP; types the sniffer cannot vouch for are downloads. The id is the capability:
 * 192 random bits, valid for 24 hours.
 */
@Path("preview")
@ApplicationScoped
public class PreviewResource {

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

    @GET
    public Response preview(@QueryParam("id") String id) throws IOException {
        UploadStore.Upload upload = uploads.store().find(id).orElseThrow(
                () -> new ProtocolException(ErrorType.NOT_FOUND, "No such upload (uploads expire after 24 hours)"));
        boolean inline = MimeSniffer.EXTENSIONS.containsKey(upload.type()) && !upload.type().equals("application/zip");
        String contentType = upload.type().startsWith("text/") ? upload.type() + "; charset=UTF-8" : upload.type();
        return Response.ok(Files.newInputStream(upload.file()), contentType)
                .header(HttpHeaders.CONTENT_LENGTH, upload.size())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
                .header(HttpHeaders.CONTENT_DISPOSITION, (inline ? "inline" : "attachment") + "; filename=\""
                        + upload.id() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .build();
    }
}
