package io.diffyne.transport.http;

import io.diffyne.protocol.ErrorType;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * A {@code Content-Type} that does not parse is 400 {@code bad_request} with a JSON body, before matching. Left to
 * Jersey, matching a resource method against it answered 400 with no body and no exception for
 * {@link FailureMapper}, unlike every other refusal under {@code /_diffyne}.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
@ApplicationScoped
public class ContentTypeGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString("Content-Type") == null) {
            return;
        }
        try {
            request.getMediaType();
        } catch (RuntimeException malformed) {
            request.abortWith(ErrorBody.response(ErrorType.BAD_REQUEST,
                    "Malformed Content-Type header: send application/json"));
        }
    }
}
