package io.diffyne.transport.http;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure under {@code /_diffyne} answers the protocol's JSON failure shape: a refused request
 * ({@link ProtocolException}) with its type's status; Jakarta REST's own errors (404, 405, …) with their status; and
 * anything else, a bug, with 500 and a generic message carrying an incident id, the detail going to the
 * {@code diffyne.http} log at SEVERE. A stack trace never reaches the client.
 */
@ApplicationScoped
public class FailureMapper implements ExceptionMapper<Throwable> {

    static final Logger LOG = Logger.getLogger("diffyne.http");

    private DiffyneConfig config;

    /**
     * For CDI's proxy, and public because RESTEasy (WildFly) insists on a public constructor for a provider class
     * before it asks CDI for the bean; the instance that handles requests is CDI's, built by the @Inject one.
     */
    public FailureMapper() {
        // fields are set by the injecting constructor
    }

    @Inject
    public FailureMapper(DiffyneConfig config) {
        this.config = config;
    }

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ProtocolException refused) {
            Response.ResponseBuilder response = Response.status(refused.type().httpStatus()).type(ErrorBody.JSON)
                    .entity(ErrorBody.json(refused));
            if (refused.type() == ErrorType.PAYLOAD_TOO_LARGE) {
                // the rest of the body was never read: do not let the container try to reuse the connection
                response.header("Connection", "close");
            }
            return response.build();
        }
        if (failure instanceof WebApplicationException web && web.getResponse().hasEntity()) {
            return web.getResponse(); // written by this transport already
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response original = web.getResponse();
            int status = original.getStatus();
            return Response.fromResponse(original)
                    .type(ErrorBody.JSON)
                    .entity(ErrorBody.json(typeOf(status), messageOf(status), null))
                    .build();
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "Unexpected failure handling a Diffyne HTTP request (incident " + incident + ")", failure);
        var body = JSON.createObjectBuilder()
                .add("s", false)
                .add("error", "Internal server error (incident " + incident + "); the details are in the server log")
                .add("type", ErrorType.SERVER_ERROR.wireName());
        if (config != null && config.settings() != null && config.settings().debug()) {
            body.add("detail", String.valueOf(failure));
        }
        return Response.serverError().type(ErrorBody.JSON).entity(body.build().toString()).build();
    }

    static ErrorType typeOf(int status) {
        return switch (status) {
            case 403 -> ErrorType.SECURITY_ERROR;
            case 404 -> ErrorType.NOT_FOUND;
            case 413 -> ErrorType.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorType.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorType.RATE_LIMITED;
            default -> status >= 500 ? ErrorType.SERVER_ERROR : ErrorType.BAD_REQUEST;
        };
    }

    static String messageOf(int status) {
        return switch (status) {
            case 404 -> "No such Diffyne endpoint";
            case 405 -> "Method not allowed on this Diffyne endpoint";
            case 406 -> "This endpoint answers JSON only";
            case 415 -> "Unsupported content type";
            default -> "Request refused (HTTP " + status + ")";
        };
    }
}
