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
        return new HandshakeAttempt(origin, "server.local:8080", key, token, authorization, null, "10.0.0.7");
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
        assertFalse(guard.check(attempt("https://evil.example", null, tokens.issue().value(), null)).allowed());
    }

    @Test
    void sameOriginIsAlwaysAllowed() {
        assertTrue(guard.check(attempt("http://server.local:8080", null, tokens.issue().value(), null)).allowed());
        assertFalse(guard.check(attempt("http://server.local:9090", null, tokens.issue().value(), null)).allowed());
        assertTrue(HandshakeGuard.sameOrigin("https://example.com", "example.com"));
        assertTrue(HandshakeGuard.sameOrigin("http://example.com", "EXAMPLE.com:80"));
        assertFalse(HandshakeGuard.sameOrigin("https://example.com", "example.com:80"));
        assertFalse(HandshakeGuard.sameOrigin("ftp://example.com", "example.com"));
        assertFalse(HandshakeGuard.sameOrigin("null", "example.com"));
        assertFalse(HandshakeGuard.sameOrigin("http://example.com", null));
    }

    @Test
    void anyOriginWhenConfiguredSo() {
        HandshakeGuard open = new HandshakeGuard(settings("*"), tokens);
        assertTrue(open.check(attempt("https://anything.example", null, tokens.issue().value(), null)).allowed());
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
        HandshakeAttempt asBob = new HandshakeAttempt(ALLOWED, "h", null, token, null, "bob", "10.0.0.7");
        assertEquals("the token was issued to another user than the one logged in", guard.check(asBob).reason());
        HandshakeAttempt asAda = new HandshakeAttempt(ALLOWED, "h", null, token, null, "ada", "10.0.0.7");
        assertEquals("ada", guard.check(asAda).principal());
        HandshakeAttempt anonymousToken = new HandshakeAttempt(ALLOWED, "h", null, tokens.issue().value(), null,
                "carol", "10.0.0.7");
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
                    "INFO WebSocket handshake refused from 10.0.0.7: Origin 'https://evil.example' is not allowed: "
                            + "add it to DIFFYNE_WS_CORS_ORIGINS"), logged);
            assertTrue(logged.stream().noneMatch(l -> l.contains("secret-guess") || l.contains(token)));
        } finally {
            WebSocketLog.LOG.removeHandler(capture);
        }
    }

    @Test
    void attemptReadsHeadersInAnyCase() {
        HandshakeAttempt attempt = HandshakeAttempt.fromHandshake(
                Map.of("origin", List.of(ALLOWED), "HOST", List.of("h:1"), "authorization", List.of("Bearer abc")),
                Map.of("key", List.of("k1", "k2"), "token", List.of()), "ada", "addr");
        assertEquals(ALLOWED, attempt.origin());
        assertEquals("h:1", attempt.host());
        assertEquals("k1", attempt.key());
        assertNull(attempt.token());
        assertEquals("abc", attempt.bearer());
        assertNull(new HandshakeAttempt(null, null, null, null, "Bearer   ", null, null).bearer());
    }

    @Test
    void printableCutsAndCleansHostileText() {
        assertEquals("'a?b'", HandshakeGuard.printable("a\nb"));
        assertEquals("'" + "x".repeat(100) + "...'", HandshakeGuard.printable("x".repeat(300)));
    }
}
