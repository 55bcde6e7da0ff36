package io.diffyne.transport.websocket;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.DiffyneSettings;
import io.diffyne.web.PageTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies the short-lived tokens browsers use instead of the raw {@code DIFFYNE_WS_KEY}.
 * <p>
 * Format: {@code v1.<expires>.<principal>.<mac>} where {@code expires} is epoch milliseconds in decimal,
 * {@code principal} the user's name in base64url (empty when anonymous) and {@code mac} the base64url HMAC-SHA256 of
 * {@code "v1.<expires>.<principal>"} under a key derived from the WS key. Every instance sharing the WS key accepts
 * the others' tokens; changing the key revokes them all.
 */
@ApplicationScoped
public class HandshakeTokens implements PageTokens {

    static final String VERSION = "v1";
    static final int MAX_TOKEN_LENGTH = 600;
    static final int MAX_PRINCIPAL_LENGTH = 256;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private byte[] macKey;
    private Duration ttl;
    private Clock clock;

    @Inject
    public HandshakeTokens(DiffyneConfig config) {
        DiffyneSettings settings = config.settings();
        init(settings.wsKey(), settings.tokenTtl(), Clock.systemUTC());
    }

    HandshakeTokens(String wsKey, Duration ttl, Clock clock) {
        init(wsKey, ttl, clock);
    }

    /** For CDI's client proxy only. */
    protected HandshakeTokens() {
    }

    private void init(String wsKey, Duration ttl, Clock clock) {
        this.macKey = hmac(wsKey.getBytes(StandardCharsets.UTF_8), "diffyne-ws-token-v1");
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A token for an anonymous page, valid for {@code DIFFYNE_WS_TOKEN_TTL}. */
    public Token issue() {
        return issue(null);
    }

    /**
     * A token bound to {@code principal} (null = anonymous), valid for {@code DIFFYNE_WS_TOKEN_TTL}. As JSON (page
     * bootstrap, {@code POST <ctx>/_diffyne/token}): {@code {"token":"v1.1763769900000..Qm9yZ…","tokenExpires":1763769900000}}.
     */
    @Override
    public Token issue(String principal) {
        if (principal != null && principal.length() > MAX_PRINCIPAL_LENGTH) {
            throw new IllegalArgumentException("principal names longer than " + MAX_PRINCIPAL_LENGTH
                    + " characters cannot be put in a handshake token");
        }
        long expires = clock.millis() + ttl.toMillis();
        String body = VERSION + "." + expires + "." + (principal == null ? ""
                : B64.encodeToString(principal.getBytes(StandardCharsets.UTF_8)));
        return new Token(body + "." + B64.encodeToString(hmac(macKey, body)), expires);
    }

    /** Whether a credential looks like a token rather than a raw key (so a Bearer value can be either). */
    static boolean looksLikeToken(String credential) {
        return credential.startsWith(VERSION + ".");
    }

    /** The outcome of checking a token: the bound principal (null = anonymous) or why it was refused. */
    record Check(boolean valid, String principal, String refusal) {
    }

    /** Verifies a token's MAC and expiry. */
    Check verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return refused("malformed token");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return refused("malformed token");
        }
        String body = parts[0] + "." + parts[1] + "." + parts[2];
        byte[] given;
        try {
            given = B64D.decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return refused("malformed token");
        }
        if (!MessageDigest.isEqual(given, hmac(macKey, body))) {
            return refused("invalid token");
        }
        long expires;
        String principal;
        try {
            expires = Long.parseLong(parts[1]);
            principal = parts[2].isEmpty() ? null : new String(B64D.decode(parts[2]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return refused("malformed token");
        }
        if (clock.millis() >= expires) {
            return refused("token expired: fetch a new one with POST <context>/_diffyne/token");
        }
        return new Check(true, principal, null);
    }

    private static Check refused(String why) {
        return new Check(false, null, why);
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
