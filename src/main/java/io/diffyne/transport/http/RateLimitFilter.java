package io.diffyne.transport.http;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.TrustedProxies;
import io.diffyne.protocol.ErrorType;
import io.diffyne.runtime.RateLimiter;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code DIFFYNE_RATE_LIMIT} requests a minute per remote address on every {@code /_diffyne} request; over it, 429
 * {@code rate_limited} with {@code Retry-After}. Keyed by address rather than the client header, which a flooding
 * client could vary at will.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class RateLimitFilter implements ContainerRequestFilter {

    private RateLimiter limiter;
    private TrustedProxies proxies;

    @Context
    private HttpServletRequest servletRequest;

    protected RateLimitFilter() {
        // for CDI's proxy
    }

    @Inject
    public RateLimitFilter(DiffyneConfig config) {
        this(new RateLimiter(config.settings().rateLimitPerMinute()), config.settings().trustedProxies());
    }

    RateLimitFilter(RateLimiter limiter, TrustedProxies proxies) {
        this.limiter = limiter;
        this.proxies = proxies;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long wait = limiter.acquire(ClientIdentity.remoteAddress(servletRequest, proxies));
        if (wait > 0) {
            request.abortWith(Response.fromResponse(ErrorBody.response(ErrorType.RATE_LIMITED,
                            "Too many requests: retry in " + wait + " s (DIFFYNE_RATE_LIMIT)"))
                    .header("Retry-After", Long.toString(wait))
                    .build());
        }
    }
}
