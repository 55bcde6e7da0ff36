package io.diffyne.transport.http;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.DiffyneSettings;
import io.diffyne.config.TrustedProxies;
import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.runtime.RateLimiter;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonStructure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.List;

/**
 * {@code DIFFYNE_RATE_LIMIT} requests a minute per remote address on every {@code /_diffyne} request (a batch pays
 * for its further actions in {@link UpdateResource}, from the same {@link HttpRateLimit}); over it, 429
 * {@code rate_limited} with {@code Retry-After}, naming the refused action's requestId (each action's, for a batch)
 * so the client can tell which request it was. Keyed by address rather than the client header, which a flooding
 * client could vary at will.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class RateLimitFilter implements ContainerRequestFilter {

    private HttpRateLimit limit;
    private int maxBody;
    /**
     * CDI's, not a {@code @Context} field: Jersey's proxy for that looked the request up through HK2 on every call,
     * which made this filter cost more CPU than the rest of the request's filtering (BENCHMARKS.md). Null outside a
     * container.
     */
    private HttpServletRequest servletRequest;

    /**
     * For CDI's proxy, and public because RESTEasy (WildFly) insists on a public constructor for a provider class
     * before it asks CDI for the bean; the instance that handles requests is CDI's, built by the @Inject one.
     */
    public RateLimitFilter() {
        // fields are set by the injecting constructor
    }

    @Inject
    public RateLimitFilter(DiffyneConfig config, HttpRateLimit limit, HttpServletRequest servletRequest) {
        this(limit, config.settings().maxMessageSize());
        this.servletRequest = servletRequest;
    }

    RateLimitFilter(RateLimiter limiter, TrustedProxies proxies) {
        this(new HttpRateLimit(limiter, proxies), DiffyneSettings.DEFAULT_MAX_MESSAGE_SIZE);
    }

    RateLimitFilter(HttpRateLimit limit, int maxBody) {
        this.limit = limit;
        this.maxBody = maxBody;
    }

    /** The request whose peer it counts, for a pipeline built by hand (tests); CDI injects it in a container. */
    void servletRequest(HttpServletRequest request) {
        this.servletRequest = request;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!limit.enabled()) {
            return;
        }
        List<String> forwardedFor = request.getHeaders().get(ClientIdentity.FORWARDED_FOR);
        long wait = limit.acquire(servletRequest == null ? null : servletRequest.getRemoteAddr(),
                forwardedFor == null || forwardedFor.isEmpty() ? null : forwardedFor.get(0), 1);
        if (wait > 0) {
            request.abortWith(refusal(wait, refusedBody(request)));
        }
    }

    /** 429 {@code rate_limited} with {@code Retry-After}, naming every requestId of {@code body}. */
    static Response refusal(long wait, JsonStructure body) {
        return Response.status(ErrorType.RATE_LIMITED.httpStatus()).type(ErrorBody.JSON)
                .entity(ErrorBody.refusal(ErrorType.RATE_LIMITED,
                        "Too many requests: retry in " + wait + " s (" + DiffyneSettings.RATE_LIMIT + ")", body))
                .header("Retry-After", Long.toString(wait))
                .build();
    }

    /** The refused JSON body, read (within the body limit) only for its requestIds; null when there is none. */
    private JsonStructure refusedBody(ContainerRequestContext request) {
        if (!request.hasEntity() || request.getMediaType() == null) {
            return null;
        }
        try {
            return JsonBody.read(request.getMediaType(), request.getLength(), request.getEntityStream(), maxBody);
        } catch (ProtocolException | IOException e) {
            return null;
        }
    }
}
