package io.diffyne.bench.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /bench/rs/echo}: answers its body (at most 1 MiB) as JSON, as the servlet echo does, through the same
 * pipeline as Diffyne's {@code UpdateResource} (an application-scoped CDI bean, the body as a stream, a {@code byte[]}
 * entity) and nothing else of it.
 */
@Path("echo")
@ApplicationScoped
public class EchoResource {

    private static final int MAX_BODY = 1 << 20;

    @POST
    public Response echo(InputStream body) throws IOException {
        return Response.ok(body.readNBytes(MAX_BODY), "application/json").build();
    }
}
