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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;

/**
 * {@code DIFFYNE_RATE_LIMIT} requests a minute per remote address on every {@code /_diffyne} request; over it, 429
 * {@code rate_limited} with {@code Retry-After}, naming the refused action's requestId (each action's, for a batch)
 * so the client can tell which request it was. Keyed by address rather than the client header, which a flooding
 * client could vary at will.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class RateLimitFilter implements ContainerRequestFilter {

    private RateLimiter limiter;
    private TrustedProxies proxies;
    private int maxBody;

    @Context
    private HttpServletRequest servletRequest;

    protected RateLimitFilter() {
        // for CDI's proxy
    }

    @Inject
    public RateLimitFilter(DiffyneConfig config) {
        this(new RateLimiter(config.settings().rateLimitPerMinute()), config.settings().trustedProxies(),
                config.settings().maxMessageSize());
    }

    RateLimitFilter(RateLimiter limiter, TrustedProxies proxies) {
        this(limiter, proxies, DiffyneSettings.DEFAULT_MAX_MESSAGE_SIZE);
    }

    RateLimitFilter(RateLimiter limiter, TrustedProxies proxies, int maxBody) {
        this.limiter = limiter;
        this.proxies = proxies;
        this.maxBody = maxBody;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long wait = limiter.acquire(ClientIdentity.remoteAddress(servletRequest, proxies));
        if (wait > 0) {
            String refusal = ErrorBody.refusal(ErrorType.RATE_LIMITED,
                    "Too many requests: retry in " + wait + " s (DIFFYNE_RATE_LIMIT)", refusedBody(request));
            request.abortWith(Response.status(ErrorType.RATE_LIMITED.httpStatus()).type(ErrorBody.JSON)
                    .entity(refusal)
                    .header("Retry-After", Long.toString(wait))
                    .build());
        }
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
