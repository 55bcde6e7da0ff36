package io.diffyne.transport.websocket;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.transport.DiffyneEndpoint;
import io.diffyne.web.PageTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

/**
 * {@code POST <ctx>/_diffyne/token}: a fresh handshake token for a page, before its current one expires. Answered
 * only to pages of this site (Origin equal to the request's own scheme, host and port, behind a trusted proxy the
 * ones it forwarded) and of origins listed in {@code DIFFYNE_WS_CORS_ORIGINS}, never to any origin because of
 * {@code *}, so another site cannot fetch tokens through a visitor.
 * Success: {@code {"token":"v1.…","tokenExpires":1763769000000}}; refusal: 403
 * {@code {"s":false,"error":"…","type":"security_error"}}.
 */
@Path("token")
@DiffyneEndpoint
@RequestScoped
public class TokenResource {

    @Inject
    HandshakeTokens tokens;
    @Inject
    HandshakeGuard guard;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@Context SecurityContext security,
                          @Context HttpServletRequest request) {
        HandshakeAttempt attempt = HandshakeAttempt.fromServlet(request, guard.proxies());
        if (!guard.pageOrigin(attempt)) {
            String why = attempt.origin() == null ? "tokens are issued to pages only (no Origin header)"
                    : "Origin " + HandshakeGuard.printable(attempt.origin()) + " is refused: " + HandshakeGuard.TOKEN_ORIGINS;
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
