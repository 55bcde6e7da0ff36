package io.diffyne.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.config.DashboardSettings;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class DashboardAccessTest {

    private static final String KEY = "the-dashboard-key-0123";
    private final AtomicLong clock = new AtomicLong(1_000_000);

    private DashboardAccess access(boolean enabled, String role, String key) {
        return new DashboardAccess(new DashboardSettings(enabled, Optional.ofNullable(role), Optional.ofNullable(key)),
                clock::get);
    }

    /** A request with {@code headers}, {@code cookie} (diffyne-dashboard), {@code query} (key) and a user in {@code roles}. */
    private static HttpServletRequest request(Map<String, String> headers, String cookie, String query, String user,
                                              String... roles) {
        return (HttpServletRequest) Proxy.newProxyInstance(DashboardAccessTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getCookies" -> cookie == null ? null : new Cookie[] {new Cookie("other", "x"),
                            new Cookie(DashboardAccess.COOKIE, cookie)};
                    case "getParameter" -> "key".equals(args[0]) ? query : null;
                    case "getUserPrincipal" -> user == null ? null : (Principal) () -> user;
                    case "isUserInRole" -> user != null && java.util.List.of(roles).contains((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletRequest anonymous() {
        return request(Map.of(), null, null, null);
    }

    @Test
    void offMeansDisabledWhateverTheCallerHolds() {
        DashboardAccess off = access(false, "ops", KEY);
        assertEquals(DashboardAccess.Verdict.DISABLED, off.check(request(Map.of(DashboardAccess.KEY_HEADER, KEY),
                null, KEY, "ann", "ops")));
        assertFalse(off.keyInQuery(request(Map.of(), null, KEY, null)));
    }

    @Test
    void theRoleOpensItAndOtherRolesDoNot() {
        DashboardAccess byRole = access(true, "ops", null);
        assertEquals(DashboardAccess.Verdict.ALLOWED, byRole.check(request(Map.of(), null, null, "ann", "ops")));
        assertEquals(DashboardAccess.Verdict.REFUSED, byRole.check(request(Map.of(), null, null, "bob", "user")));
        assertEquals(DashboardAccess.Verdict.REFUSED, byRole.check(anonymous()));
        assertEquals(DashboardAccess.Verdict.REFUSED, byRole.check(request(Map.of(DashboardAccess.KEY_HEADER, KEY),
                null, null, null)), "no key configured: a header opens nothing");
    }

    @Test
    void theKeyInTheHeaderOpensItAWrongOneDoesNot() {
        DashboardAccess byKey = access(true, null, KEY);
        assertEquals(DashboardAccess.Verdict.ALLOWED, byKey.check(request(Map.of(DashboardAccess.KEY_HEADER, KEY),
                null, null, null)));
        assertEquals(DashboardAccess.Verdict.REFUSED, byKey.check(request(Map.of(DashboardAccess.KEY_HEADER,
                KEY + "x"), null, null, null)));
        assertEquals(DashboardAccess.Verdict.REFUSED, byKey.check(anonymous()));
        assertTrue(byKey.keyInQuery(request(Map.of(), null, KEY, null)));
        assertFalse(byKey.keyInQuery(request(Map.of(), null, "nope", null)));
    }

    @Test
    void theCookieOpensItUntilItExpires() {
        DashboardAccess byKey = access(true, null, KEY);
        String cookie = byKey.issueCookie();
        assertFalse(cookie.contains(KEY));
        assertEquals(DashboardAccess.Verdict.ALLOWED, byKey.check(request(Map.of(), cookie, null, null)));
        assertEquals(DashboardAccess.Verdict.REFUSED, byKey.check(request(Map.of(), cookie + "x", null, null)));
        assertEquals(DashboardAccess.Verdict.REFUSED, access(true, null, KEY + "-rotated")
                .check(request(Map.of(), cookie, null, null)), "a new key voids old cookies");
        clock.addAndGet(DashboardAccess.COOKIE_LIFETIME.toMillis() + 1);
        assertEquals(DashboardAccess.Verdict.REFUSED, byKey.check(request(Map.of(), cookie, null, null)));
    }

    @Test
    void forgedAndMalformedCookiesAreRefused() {
        DashboardTokens tokens = new DashboardTokens(KEY);
        for (String bad : new String[] {"", ".", "x.y", "99999999999999.", "99999999999999.abc", "1.2.3",
                "-1." + "a".repeat(43), "9".repeat(200)}) {
            assertFalse(tokens.valid(bad, 0), bad);
        }
        String forged = new DashboardTokens("another-key-0123456").issue(Long.MAX_VALUE);
        assertFalse(tokens.valid(forged, 0));
        assertTrue(tokens.valid(tokens.issue(10), 9));
        assertFalse(tokens.valid(tokens.issue(10), 10));
    }
}
