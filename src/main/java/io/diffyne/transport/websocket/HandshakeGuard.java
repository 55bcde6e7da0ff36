package io.diffyne.transport.websocket;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.DiffyneSettings;
import io.diffyne.config.TrustedProxies;
import io.diffyne.transport.websocket.HandshakeVerdict.Credential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;

/**
 * The one validator of WebSocket handshakes, used by {@link HandshakeFilter} (which can answer 403 on every server)
 * and by {@link EndpointConfigurator} (defence in depth). A handshake needs a credential and an acceptable Origin:
 * <ul>
 * <li>the raw {@code DIFFYNE_WS_KEY} as query parameter {@code key} or {@code Authorization: Bearer <key>} (for
 * non-browser clients), or a token from {@link HandshakeTokens} as query parameter {@code token} (or Bearer);</li>
 * <li>with a token (what pages, i.e. browsers, hold): an {@code Origin} equal to the request's own (scheme, host
 * and port; behind a trusted proxy, the ones it forwarded) or listed in {@code DIFFYNE_WS_CORS_ORIGINS}; {@code *}
 * lists nothing, so under the default a foreign page cannot connect as its visitor;</li>
 * <li>with the raw key: no Origin (a non-browser client), the request's own or a listed one; under {@code *} also
 * any other, but then only without cookies (a client speaking for nobody's browser session).</li>
 * </ul>
 * Refusals are logged on {@code diffyne.websocket} at INFO with the reason and remote address, never the credential.
 */
@ApplicationScoped
public class HandshakeGuard {

    static final int MAX_CREDENTIAL_LENGTH = 1024;
    static final String TOKEN_ORIGINS = "tokens go to pages of this site (same scheme, host and port) and to origins"
            + " listed in " + DiffyneSettings.WS_CORS_ORIGINS + " (\"*\" lists none)";

    private DiffyneSettings settings;
    private HandshakeTokens tokens;
    private byte[] keyDigest;

    @Inject
    public HandshakeGuard(DiffyneConfig config, HandshakeTokens tokens) {
        this(config.settings(), tokens);
    }

    HandshakeGuard(DiffyneSettings settings, HandshakeTokens tokens) {
        this.settings = settings;
        this.tokens = tokens;
        this.keyDigest = sha256(settings.wsKey());
    }

    /** For CDI's client proxy only. */
    protected HandshakeGuard() {
    }

    /** Decides on one upgrade request, logging a refusal. */
    HandshakeVerdict check(HandshakeAttempt attempt) {
        HandshakeVerdict verdict = decide(attempt);
        if (!verdict.allowed()) {
            WebSocketLog.LOG.info(() -> "WebSocket handshake refused from " + attempt.remoteAddress() + ": " + verdict.reason());
        }
        return verdict;
    }

    private HandshakeVerdict decide(HandshakeAttempt attempt) {
        String bearer = attempt.bearer();
        String presentedKey = attempt.key() != null ? attempt.key()
                : bearer != null && !HandshakeTokens.looksLikeToken(bearer) ? bearer : null;
        String presentedToken = attempt.token() != null ? attempt.token()
                : bearer != null && HandshakeTokens.looksLikeToken(bearer) ? bearer : null;

        HandshakeVerdict credential;
        if (presentedKey != null) {
            credential = keyMatches(presentedKey) ? HandshakeVerdict.allow(Credential.KEY, attempt.principal())
                    : HandshakeVerdict.refuse("invalid key");
        } else if (presentedToken != null) {
            credential = checkToken(presentedToken, attempt.principal());
        } else {
            credential = HandshakeVerdict.refuse("no credentials: pages pass ?token=… (from the bootstrap config or "
                    + "POST <context>/_diffyne/token), other clients ?key=… or Authorization: Bearer <DIFFYNE_WS_KEY>");
        }
        if (!credential.allowed()) {
            return credential;
        }
        if (attempt.origin() == null) {
            return credential.credential() == Credential.KEY ? credential
                    : HandshakeVerdict.refuse("a token needs an Origin header; clients without one use the raw key");
        }
        if (pageOrigin(attempt)) {
            return credential;
        }
        if (credential.credential() == Credential.TOKEN) {
            return HandshakeVerdict.refuse("Origin " + printable(attempt.origin()) + " may not use a page token: "
                    + TOKEN_ORIGINS);
        }
        if (!settings.anyOrigin()) {
            return HandshakeVerdict.refuse("Origin " + printable(attempt.origin())
                    + " is not allowed: add it to " + DiffyneSettings.WS_CORS_ORIGINS);
        }
        return attempt.cookies() ? HandshakeVerdict.refuse("Origin " + printable(attempt.origin()) + " is foreign and"
                + " the request carries cookies: with " + DiffyneSettings.WS_CORS_ORIGINS + "=* a foreign Origin is"
                + " admitted only for raw-key clients without cookies; list the origin to let its pages connect")
                : credential;
    }

    private HandshakeVerdict checkToken(String token, String containerPrincipal) {
        HandshakeTokens.Check check = tokens.verify(token);
        if (!check.valid()) {
            return HandshakeVerdict.refuse(check.refusal());
        }
        if (check.principal() != null && containerPrincipal != null && !check.principal().equals(containerPrincipal)) {
            return HandshakeVerdict.refuse("the token was issued to another user than the one logged in");
        }
        return HandshakeVerdict.allow(Credential.TOKEN,
                check.principal() != null ? check.principal() : containerPrincipal);
    }

    /** Constant time whatever the length: both sides are hashed first. */
    private boolean keyMatches(String presented) {
        return presented.length() <= MAX_CREDENTIAL_LENGTH && MessageDigest.isEqual(sha256(presented), keyDigest);
    }

    /**
     * Whether a browser page on the attempt's Origin may hold a token (fetch one, connect with one): the Origin is
     * the request's own, or listed in {@code DIFFYNE_WS_CORS_ORIGINS} ({@code *} lists none).
     */
    boolean pageOrigin(HandshakeAttempt attempt) {
        String origin = attempt.origin();
        return origin != null && ((!settings.anyOrigin() && settings.originAllowed(origin))
                || sameOrigin(origin, attempt.scheme(), attempt.host()));
    }

    TrustedProxies proxies() {
        return settings.trustedProxies();
    }

    /**
     * Whether {@code origin} is {@code scheme://host} (default ports made explicit); with {@code scheme} null (not
     * visible), the origin's own scheme is assumed.
     */
    static boolean sameOrigin(String origin, String scheme, String host) {
        if (origin == null || host == null || host.isBlank()) {
            return false;
        }
        try {
            URI o = new URI(origin);
            URI h = new URI("//" + host.trim());
            if (o.getScheme() == null || o.getHost() == null || h.getHost() == null) {
                return false;
            }
            String originScheme = o.getScheme().toLowerCase(Locale.ROOT);
            if (scheme != null && !scheme.equals(originScheme)) {
                return false;
            }
            int defaultPort = originScheme.equals("https") ? 443 : originScheme.equals("http") ? 80 : -1;
            if (defaultPort < 0) {
                return false;
            }
            int originPort = o.getPort() == -1 ? defaultPort : o.getPort();
            int hostPort = h.getPort() == -1 ? defaultPort : h.getPort();
            return o.getHost().equalsIgnoreCase(h.getHost()) && originPort == hostPort;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Origins are attacker-chosen: cut them short and keep only printable ASCII before logging. */
    static String printable(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) + "..." : value;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return "'" + out + "'";
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Objects.requireNonNull(value)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
