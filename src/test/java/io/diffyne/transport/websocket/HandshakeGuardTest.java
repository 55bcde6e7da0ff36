package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.config.DiffyneSettings;
import io.diffyne.transport.websocket.HandshakeVerdict.Credential;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class HandshakeGuardTest {

    static final String KEY = HandshakeTokensTest.KEY;
    static final String ALLOWED = "https://app.example";

    static DiffyneSettings settings(String origins) {
        Map<String, String> env = Map.of(DiffyneSettings.WS_KEY, KEY, DiffyneSettings.WS_CORS_ORIGINS, origins);
        return DiffyneSettings.load(name -> Optional.ofNullable(env.get(name)));
    }

    private final HandshakeTokens tokens = HandshakeTokensTest.tokens(KEY, HandshakeTokensTest.NOW);
    private final HandshakeGuard guard = new HandshakeGuard(settings(ALLOWED), tokens);

    private static HandshakeAttempt attempt(String origin, String key, String token, String authorization) {
        return new HandshakeAttempt(origin, "http", "server.local:8080", key, token, authorization, null, "10.0.0.7",
                false);
    }

    private static HandshakeAttempt withCookies(String origin, String key, String token) {
        return new HandshakeAttempt(origin, "http", "server.local:8080", key, token, null, "ada", "10.0.0.7", true);
    }

    @Test
    void rawKeyWithoutOriginIsANonBrowserClient() {
        HandshakeVerdict verdict = guard.check(attempt(null, KEY, null, null));
        assertTrue(verdict.allowed());
        assertEquals(Credential.KEY, verdict.credential());
        assertTrue(guard.check(attempt(null, null, null, "Bearer " + KEY)).allowed());
        assertTrue(guard.check(attempt(null, null, null, "bearer " + KEY)).allowed());
    }

    @Test
    void wrongOrMissingKeyIsRefused() {
        assertEquals("invalid key", guard.check(attempt(null, "nope", null, null)).reason());
        assertEquals("invalid key", guard.check(attempt(null, KEY + "x", null, null)).reason());
        assertEquals("invalid key", guard.check(attempt(null, null, null, "Bearer nope")).reason());
        HandshakeVerdict none = guard.check(attempt(ALLOWED, null, null, "Basic abc"));
        assertFalse(none.allowed());
        assertTrue(none.reason().startsWith("no credentials: pages pass ?token="), none.reason());
    }

    @Test
    void tokenFromAnAllowedOriginIsAccepted() {
        String token = tokens.issue("ada").value();
        HandshakeVerdict verdict = guard.check(attempt(ALLOWED, null, token, null));
        assertTrue(verdict.allowed());
        assertEquals(Credential.TOKEN, verdict.credential());
        assertEquals("ada", verdict.principal());
        assertTrue(guard.check(attempt(ALLOWED, null, null, "Bearer " + token)).allowed(), "a token as Bearer");
    }

    @Test
    void tokenWithoutOriginIsRefused() {
        HandshakeVerdict verdict = guard.check(attempt(null, null, tokens.issue().value(), null));
        assertEquals("a token needs an Origin header; clients without one use the raw key", verdict.reason());
    }

    @Test
    void foreignOriginIsRefusedEvenWithTheKey() {
        HandshakeVerdict verdict = guard.check(attempt("https://evil.example", KEY, null, null));
        assertEquals("Origin 'https://evil.example' is not allowed: add it to DIFFYNE_WS_CORS_ORIGINS",
                verdict.reason());
        assertEquals("Origin 'https://evil.example' may not use a page token: tokens go to pages of this site (same"
                + " scheme, host and port) and to origins listed in DIFFYNE_WS_CORS_ORIGINS (\"*\" lists none)",
                guard.check(attempt("https://evil.example", null, tokens.issue().value(), null)).reason());
    }

    @Test
    void sameOriginIsAlwaysAllowed() {
        assertTrue(guard.check(attempt("http://server.local:8080", null, tokens.issue().value(), null)).allowed());
        assertFalse(guard.check(attempt("http://server.local:9090", null, tokens.issue().value(), null)).allowed());
        assertFalse(guard.check(attempt("https://server.local:8080", null, tokens.issue().value(), null)).allowed(),
                "another scheme is another origin");
        assertTrue(HandshakeGuard.sameOrigin("https://example.com", "https", "example.com"));
        assertTrue(HandshakeGuard.sameOrigin("https://example.com", null, "example.com"), "scheme not visible");
        assertFalse(HandshakeGuard.sameOrigin("https://example.com", "http", "example.com"));
        assertTrue(HandshakeGuard.sameOrigin("http://example.com", "http", "EXAMPLE.com:80"));
        assertFalse(HandshakeGuard.sameOrigin("https://example.com", "https", "example.com:80"));
        assertFalse(HandshakeGuard.sameOrigin("ftp://example.com", null, "example.com"));
        assertFalse(HandshakeGuard.sameOrigin("null", "http", "example.com"));
        assertFalse(HandshakeGuard.sameOrigin("http://example.com", "http", null));
    }

    @Test
    void underAnyOriginTokensStillGoOnlyToThisSitesPages() {
        HandshakeGuard open = new HandshakeGuard(settings("*"), tokens);
        String token = tokens.issue().value();
        assertEquals("Origin 'https://anything.example' may not use a page token: tokens go to pages of this site"
                + " (same scheme, host and port) and to origins listed in DIFFYNE_WS_CORS_ORIGINS (\"*\" lists none)",
                open.check(attempt("https://anything.example", null, token, null)).reason());
        assertTrue(open.check(attempt("http://server.local:8080", null, token, null)).allowed());
        assertFalse(open.pageOrigin(attempt("https://anything.example", null, null, null)));
        assertTrue(open.pageOrigin(attempt("http://server.local:8080", null, null, null)));
        assertTrue(guard.pageOrigin(attempt(ALLOWED, null, null, null)), "a listed origin");
    }

    @Test
    void underAnyOriginAForeignOriginNeedsTheRawKeyAndNoCookies() {
        HandshakeGuard open = new HandshakeGuard(settings("*"), tokens);
        assertTrue(open.check(attempt("https://anything.example", KEY, null, null)).allowed());
        assertEquals("Origin 'https://anything.example' is foreign and the request carries cookies: with"
                + " DIFFYNE_WS_CORS_ORIGINS=* a foreign Origin is admitted only for raw-key clients without cookies;"
                + " list the origin to let its pages connect",
                open.check(withCookies("https://anything.example", KEY, null)).reason());
        assertTrue(open.check(withCookies("http://server.local:8080", KEY, null)).allowed(), "this site's page");
        assertTrue(open.check(withCookies(null, KEY, null)).allowed(), "no Origin: not a page");
        assertTrue(guard.check(withCookies(ALLOWED, KEY, null)).allowed(), "a listed origin");
    }

    @Test
    void expiredTokenIsRefused() {
        String old = HandshakeTokensTest.tokens(KEY, HandshakeTokensTest.NOW.minusSeconds(3600)).issue().value();
        HandshakeVerdict verdict = guard.check(attempt(ALLOWED, null, old, null));
        assertEquals("token expired: fetch a new one with POST <context>/_diffyne/token", verdict.reason());
    }

    @Test
    void tokenOfAnotherUserIsRefused() {
        String token = tokens.issue("ada").value();
        HandshakeAttempt asBob = new HandshakeAttempt(ALLOWED, null, "h", null, token, null, "bob", "10.0.0.7", true);
        assertEquals("the token was issued to another user than the one logged in", guard.check(asBob).reason());
        HandshakeAttempt asAda = new HandshakeAttempt(ALLOWED, null, "h", null, token, null, "ada", "10.0.0.7", true);
        assertEquals("ada", guard.check(asAda).principal());
        HandshakeAttempt anonymousToken = new HandshakeAttempt(ALLOWED, null, "h", null, tokens.issue().value(), null,
                "carol", "10.0.0.7", true);
        assertEquals("carol", guard.check(anonymousToken).principal(), "the container's user when the token has none");
    }

    @Test
    void refusalsAreLoggedWithReasonAndAddressButNeverTheCredential() {
        List<String> logged = new java.util.ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        WebSocketLog.LOG.addHandler(capture);
        try {
            guard.check(attempt(null, "secret-guess-1234", null, null));
            String token = tokens.issue().value();
            guard.check(attempt("https://evil.example", null, token, null));
            guard.check(attempt(null, KEY, null, null));
            assertEquals(List.of("INFO WebSocket handshake refused from 10.0.0.7: invalid key",
                    "INFO WebSocket handshake refused from 10.0.0.7: Origin 'https://evil.example' may not use a page"
                            + " token: " + HandshakeGuard.TOKEN_ORIGINS), logged);
            assertTrue(logged.stream().noneMatch(l -> l.contains("secret-guess") || l.contains(token)));
        } finally {
            WebSocketLog.LOG.removeHandler(capture);
        }
    }

    @Test
    void attemptReadsHeadersInAnyCase() {
        HandshakeAttempt attempt = HandshakeAttempt.fromHandshake(
                Map.of("origin", List.of(ALLOWED), "HOST", List.of("h:1"), "authorization", List.of("Bearer abc"),
                        "cookie", List.of("JSESSIONID=1")),
                Map.of("key", List.of("k1", "k2"), "token", List.of()), "ada", "addr");
        assertEquals(ALLOWED, attempt.origin());
        assertNull(attempt.scheme(), "the configurator does not see it");
        assertTrue(attempt.cookies());
        assertEquals("h:1", attempt.host());
        assertEquals("k1", attempt.key());
        assertNull(attempt.token());
        assertEquals("abc", attempt.bearer());
        assertNull(new HandshakeAttempt(null, null, null, null, null, "Bearer   ", null, null, false).bearer());
    }

    @Test
    void printableCutsAndCleansHostileText() {
        assertEquals("'a?b'", HandshakeGuard.printable("a\nb"));
        assertEquals("'" + "x".repeat(100) + "...'", HandshakeGuard.printable("x".repeat(300)));
    }
}
