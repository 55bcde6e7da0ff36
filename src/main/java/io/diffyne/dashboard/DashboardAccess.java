package io.diffyne.dashboard;

import io.diffyne.config.DashboardSettings;
import io.diffyne.config.DiffyneConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Who may see the dashboard and the metrics: nobody unless {@code DIFFYNE_DASHBOARD=true} (then both answer as if
 * absent, 404); then a user in {@code DIFFYNE_DASHBOARD_ROLE}, or a caller presenting {@code DIFFYNE_DASHBOARD_KEY} in
 * the {@value #KEY_HEADER} header (scripts, scrapers), or the {@value #COOKIE} cookie a browser got by opening the
 * dashboard once with {@code ?key=…} (the page answers with the cookie and a redirect that drops the key from the
 * address bar and the history). Everybody else: 403.
 */
@ApplicationScoped
public class DashboardAccess {

    public static final String KEY_HEADER = "X-Diffyne-Dashboard-Key";
    public static final String COOKIE = "diffyne-dashboard";
    public static final String KEY_PARAMETER = "key";
    static final Duration COOKIE_LIFETIME = Duration.ofHours(8);

    /** What a request may do. */
    public enum Verdict { DISABLED, ALLOWED, REFUSED }

    private DashboardSettings settings;
    private DashboardTokens tokens;
    private LongSupplier clock = System::currentTimeMillis;

    protected DashboardAccess() {
        // for CDI's proxy
    }

    @Inject
    public DashboardAccess(DiffyneConfig config) {
        this(config.settings().dashboard(), System::currentTimeMillis);
    }

    DashboardAccess(DashboardSettings settings, LongSupplier clock) {
        this.settings = settings;
        this.tokens = settings.key().map(DashboardTokens::new).orElse(null);
        this.clock = clock;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public Verdict check(HttpServletRequest request) {
        if (!settings.enabled()) {
            return Verdict.DISABLED;
        }
        if (settings.role().isPresent() && request.getUserPrincipal() != null
                && request.isUserInRole(settings.role().get())) {
            return Verdict.ALLOWED;
        }
        if (tokens != null && (tokens.isKey(request.getHeader(KEY_HEADER)) || tokens.valid(cookie(request), now()))) {
            return Verdict.ALLOWED;
        }
        return Verdict.REFUSED;
    }

    /** Whether the request carries the key as {@code ?key=}, to be exchanged for the cookie. */
    boolean keyInQuery(HttpServletRequest request) {
        return settings.enabled() && tokens != null && tokens.isKey(request.getParameter(KEY_PARAMETER));
    }

    /** A fresh cookie value (only with a key configured). */
    String issueCookie() {
        return tokens.issue(now() + COOKIE_LIFETIME.toMillis());
    }

    /** Until when a page rendered now may keep polling: the cookie's lifetime. */
    long pageExpiry() {
        return now() + COOKIE_LIFETIME.toMillis();
    }

    long now() {
        return clock.getAsLong();
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }
}
