package io.diffyne.transport.http;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.DiffyneSettings;
import io.diffyne.protocol.ErrorType;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.Set;

/**
 * CORS and cross-site request forgery for {@code /_diffyne/*}, both decided by the {@code Origin} header against
 * {@code DIFFYNE_WS_CORS_ORIGINS}:
 * <ul>
 *   <li>a preflight from an allowed origin answers 204 with the allowed methods and headers; from any other, 403;</li>
 *   <li>responses to an allowed origin echo it exactly with {@code Vary: Origin} ({@code *} only when configured);</li>
 *   <li>a state-changing request whose Origin is neither the request's own nor allowed is refused with 403, so a
 *       foreign page cannot run actions with a user's cookies. Requests without Origin (non-browser clients, which
 *       carry no ambient cookies of a victim) pass.</li>
 * </ul>
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class OriginGuard implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    static final String ALLOWED_HEADERS = "Content-Type, Authorization, X-Diffyne-Client, X-Requested-With";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String CORS_ORIGIN = "diffyne.corsOrigin";
    private static final String PREFLIGHT = "diffyne.preflight";

    private DiffyneConfig config;

    /**
     * For CDI's proxy, and public because RESTEasy (WildFly) insists on a public constructor for a provider class
     * before it asks CDI for the bean; the instance that handles requests is CDI's, built by the @Inject one.
     */
    public OriginGuard() {
        // fields are set by the injecting constructor
    }

    @Inject
    public OriginGuard(DiffyneConfig config) {
        this.config = config;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return;
        }
        DiffyneSettings settings = config.settings();
        boolean allowed = settings.originAllowed(origin) && (settings.anyOrigin() || Origins.normalize(origin) != null);
        if (allowed) {
            request.setProperty(CORS_ORIGIN, settings.anyOrigin() ? "*" : origin);
        }
        String method = request.getMethod();
        String preflightMethod = request.getHeaderString("Access-Control-Request-Method");
        if ("OPTIONS".equals(method) && preflightMethod != null) {
            if (!allowed || !Set.of("GET", "POST", "OPTIONS").contains(preflightMethod)) {
                request.removeProperty(CORS_ORIGIN);
                request.abortWith(ErrorBody.response(ErrorType.SECURITY_ERROR, "Origin or method not allowed: "
                        + "add the page's origin to " + DiffyneSettings.WS_CORS_ORIGINS));
                return;
            }
            request.setProperty(PREFLIGHT, Boolean.TRUE);
            request.abortWith(Response.noContent().build());
            return;
        }
        if (!allowed && !SAFE_METHODS.contains(method) && !sameOrigin(origin, request)) {
            request.abortWith(ErrorBody.response(ErrorType.SECURITY_ERROR, "Cross-site request refused: its Origin is "
                    + "not this site and not in " + DiffyneSettings.WS_CORS_ORIGINS));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object origin = request.getProperty(CORS_ORIGIN);
        if (origin == null) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Access-Control-Allow-Origin", origin);
        if (!"*".equals(origin)) {
            headers.add("Vary", "Origin");
            headers.putSingle("Access-Control-Allow-Credentials", "true");
        }
        if (request.getProperty(PREFLIGHT) != null) {
            headers.putSingle("Access-Control-Allow-Methods", ALLOWED_METHODS);
            headers.putSingle("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            headers.putSingle("Access-Control-Max-Age", "600");
        } else {
            headers.putSingle("Access-Control-Expose-Headers", "Retry-After");
        }
    }

    private static boolean sameOrigin(String origin, ContainerRequestContext request) {
        String normalized = Origins.normalize(origin);
        return normalized != null && normalized.equals(Origins.ofRequest(request.getUriInfo().getBaseUri(),
                request.getHeaderString("X-Forwarded-Proto"), request.getHeaderString("X-Forwarded-Host")));
    }
}
