package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.web.PageTokens;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class HandshakeTokensTest {

    static final String KEY = "test-key-0123456789abcdef";
    static final Instant NOW = Instant.ofEpochMilli(1_763_769_000_000L);

    static HandshakeTokens tokens(String key, Instant now) {
        return new HandshakeTokens(key, Duration.ofSeconds(900), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void anonymousTokenHasTheDocumentedShape() {
        PageTokens.Token token = tokens(KEY, NOW).issue();
        assertEquals(1_763_769_900_000L, token.expiresAtMillis());
        String[] parts = token.value().split("\\.", -1);
        assertEquals(4, parts.length);
        assertEquals("v1", parts[0]);
        assertEquals("1763769900000", parts[1]);
        assertEquals("", parts[2]);
        byte[] macKey = HandshakeTokens.hmac(KEY.getBytes(StandardCharsets.UTF_8), "diffyne-ws-token-v1");
        String expectedMac = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(HandshakeTokens.hmac(macKey, "v1.1763769900000."));
        assertEquals(expectedMac, parts[3]);
        assertEquals(43, parts[3].length());
    }

    @Test
    void verifiesItsOwnTokensAndCarriesThePrincipal() {
        HandshakeTokens tokens = tokens(KEY, NOW);
        HandshakeTokens.Check anonymous = tokens.verify(tokens.issue().value());
        assertTrue(anonymous.valid());
        assertNull(anonymous.principal());

        PageTokens.Token ada = tokens.issue("ada@example.com");
        assertEquals("v1.1763769900000.YWRhQGV4YW1wbGUuY29t.", ada.value().substring(0, 38));
        HandshakeTokens.Check check = tokens.verify(ada.value());
        assertTrue(check.valid());
        assertEquals("ada@example.com", check.principal());
    }

    @Test
    void refusesExpiredTokens() {
        String token = tokens(KEY, NOW).issue().value();
        HandshakeTokens later = tokens(KEY, NOW.plusSeconds(900));
        HandshakeTokens.Check check = later.verify(token);
        assertFalse(check.valid());
        assertEquals("token expired: fetch a new one with POST <context>/_diffyne/token", check.refusal());
        assertTrue(tokens(KEY, NOW.plusSeconds(899)).verify(token).valid());
    }

    @Test
    void refusesTokensOfAnotherKey() {
        String token = tokens("another-key-0123456789abcdef", NOW).issue().value();
        HandshakeTokens.Check check = tokens(KEY, NOW).verify(token);
        assertFalse(check.valid());
        assertEquals("invalid token", check.refusal());
    }

    @Test
    void refusesTamperedTokens() {
        HandshakeTokens tokens = tokens(KEY, NOW);
        String token = tokens.issue("ada").value();
        String[] parts = token.split("\\.");
        String longer = "v1." + (Long.parseLong(parts[1]) + 1_000_000) + "." + parts[2] + "." + parts[3];
        assertEquals("invalid token", tokens.verify(longer).refusal());
        String otherUser = "v1." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("root".getBytes(StandardCharsets.UTF_8)) + "." + parts[3];
        assertEquals("invalid token", tokens.verify(otherUser).refusal());
    }

    @Test
    void refusesMalformedTokens() {
        HandshakeTokens tokens = tokens(KEY, NOW);
        for (String bad : new String[] {"", "v1", "v1.1.2", "v2.1..abc", "v1.x..!!!", "v1.1.a.b.c",
                "v1." + "9".repeat(700) + "..a"}) {
            HandshakeTokens.Check check = tokens.verify(bad);
            assertFalse(check.valid(), bad);
            assertEquals("malformed token", check.refusal(), bad);
        }
        assertEquals("malformed token", tokens.verify(null).refusal());
    }
}
