package shop;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The application's own exception mapping, found by scanning like its resources. */
@Provider
public class NoSuchOrderMapper implements ExceptionMapper<NoSuchOrderException> {

    @Override
    public Response toResponse(NoSuchOrderException e) {
        return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("no such order: " + e.getMessage()).build();
    }
}
