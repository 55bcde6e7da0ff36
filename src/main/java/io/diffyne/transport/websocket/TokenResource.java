package io.diffyne.transport.websocket;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.web.PageTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

/**
 * {@code POST <ctx>/_diffyne/token}: a fresh handshake token for a page, before its current one expires. Answered
 * only to browsers on an allowed or the same origin, so another site cannot fetch tokens through a visitor.
 * Success: {@code {"token":"v1.…","tokenExpires":1763769000000}}; refusal: 403
 * {@code {"s":false,"error":"…","type":"security_error"}}.
 */
@Path("token")
@RequestScoped
public class TokenResource {

    @Inject
    HandshakeTokens tokens;
    @Inject
    HandshakeGuard guard;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@Context HttpHeaders headers, @Context SecurityContext security,
                          @Context HttpServletRequest request) {
        String origin = headers.getHeaderString("Origin");
        String host = headers.getHeaderString("Host");
        if (!guard.originAllowed(origin, host)) {
            String why = origin == null ? "tokens are issued to pages only (no Origin header)"
                    : "Origin " + HandshakeGuard.printable(origin) + " is not allowed: add it to DIFFYNE_WS_CORS_ORIGINS";
            WebSocketLog.LOG.info(() -> "Handshake token refused to " + request.getRemoteAddr() + ": " + why);
            return Response.status(Response.Status.FORBIDDEN).header("Cache-Control", "no-store")
                    .entity(JSON.createObjectBuilder().add("s", false).add("error", why).add("type", "security_error")
                            .build().toString()).build();
        }
        Principal principal = security.getUserPrincipal();
        PageTokens.Token token = tokens.issue(principal == null ? null : principal.getName());
        return Response.ok(JSON.createObjectBuilder().add("token", token.value())
                        .add("tokenExpires", token.expiresAtMillis()).build().toString())
                .header("Cache-Control", "no-store").build();
    }
}
