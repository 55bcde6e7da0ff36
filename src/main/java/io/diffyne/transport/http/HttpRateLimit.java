package io.diffyne.transport.http;

import io.diffyne.metrics.Metrics;
import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.TrustedProxies;
import io.diffyne.runtime.RateLimiter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@code DIFFYNE_RATE_LIMIT} allowance of HTTP clients, keyed by address ({@link ClientIdentity#remoteAddress}),
 * shared by {@link RateLimitFilter} (one unit per request) and {@link UpdateResource} (one more per further action
 * of a batch), so a batch of N actions costs N.
 */
@ApplicationScoped
public class HttpRateLimit {

    private RateLimiter limiter;
    private TrustedProxies proxies;
    private Metrics metrics = Metrics.detached();

    protected HttpRateLimit() {
        // for CDI's proxy
    }

    public HttpRateLimit(DiffyneConfig config) {
        this(config, Metrics.detached());
    }

    @Inject
    public HttpRateLimit(DiffyneConfig config, Metrics metrics) {
        this(new RateLimiter(config.settings().rateLimitPerMinute()), config.settings().trustedProxies());
        this.metrics = metrics;
    }

    HttpRateLimit(RateLimiter limiter, TrustedProxies proxies) {
        this.limiter = limiter;
        this.proxies = proxies;
    }

    /** No limit at all: for resources built without one (tests). */
    static HttpRateLimit off() {
        return new HttpRateLimit(new RateLimiter(0), TrustedProxies.parse(""));
    }

    /** Whether there is a limit ({@code DIFFYNE_RATE_LIMIT} above 0). */
    boolean enabled() {
        return limiter.enabled();
    }

    /** Takes {@code cost} units from the request's client; 0 when allowed, else the seconds to wait. */
    long acquire(HttpServletRequest request, int cost) {
        return acquire(ClientIdentity.remoteAddress(request, proxies), cost);
    }

    /**
     * As above, for a request whose peer and first {@code X-Forwarded-For} value are known already (the filter reads
     * the header from Jakarta REST's own copy rather than through its servlet request proxy, a lookup a call).
     */
    long acquire(String peer, String forwardedFor, int cost) {
        return acquire(ClientIdentity.remoteAddress(peer, forwardedFor, proxies), cost);
    }

    private long acquire(String remoteAddress, int cost) {
        long wait = limiter.acquire(remoteAddress, cost);
        if (wait > 0) {
            metrics.rateLimited();
        }
        return wait;
    }
}
