package io.diffyne.transport.websocket;

import io.diffyne.config.TrustedProxies;

import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the guard needs from an upgrade request, whichever API delivered it (the servlet filter's request or the
 * WebSocket configurator's {@code HandshakeRequest}). Values are raw and hostile.
 *
 * @param origin        the {@code Origin} header, or null (non-browser clients send none)
 * @param scheme        {@code http} or {@code https} as the browser addressed the server (a trusted proxy's
 *                      {@code X-Forwarded-Proto}), or null when not visible (the configurator)
 * @param host          the {@code Host} header (a trusted proxy's {@code X-Forwarded-Host}), or null
 * @param key           the query parameter {@code key}, or null
 * @param token         the query parameter {@code token}, or null
 * @param authorization the {@code Authorization} header, or null
 * @param principal     the container-authenticated user's name, or null
 * @param remoteAddress for logs only
 * @param cookies       whether the request carries a {@code Cookie} header (a browser speaking for its user)
 */
record HandshakeAttempt(String origin, String scheme, String host, String key, String token, String authorization,
                        String principal, String remoteAddress, boolean cookies) {

    static final String KEY_PARAM = "key";
    static final String TOKEN_PARAM = "token";

    /** Builds an attempt from the configurator's view: header names there may have any case. */
    static HandshakeAttempt fromHandshake(Map<String, List<String>> headers, Map<String, List<String>> params,
                                          String principal, String remoteAddress) {
        return new HandshakeAttempt(header(headers, "Origin"), null, header(headers, "Host"),
                first(params, KEY_PARAM), first(params, TOKEN_PARAM), header(headers, "Authorization"), principal,
                remoteAddress, header(headers, "Cookie") != null);
    }

    /**
     * Builds an attempt from a servlet request (the handshake filter, the token resource): the scheme and host the
     * browser used are the request's own, or those a trusted proxy forwarded ({@code DIFFYNE_TRUSTED_PROXIES}).
     */
    static HandshakeAttempt fromServlet(HttpServletRequest request, TrustedProxies proxies) {
        String scheme = request.getScheme();
        String host = request.getHeader("Host");
        if (proxies.trusts(request.getRemoteAddr())) {
            String forwardedProto = firstValue(request.getHeader("X-Forwarded-Proto"));
            String forwardedHost = firstValue(request.getHeader("X-Forwarded-Host"));
            scheme = forwardedProto != null ? forwardedProto : scheme;
            host = forwardedHost != null ? forwardedHost : host;
        }
        Principal principal = request.getUserPrincipal();
        return new HandshakeAttempt(request.getHeader("Origin"), scheme == null ? null : scheme.toLowerCase(Locale.ROOT),
                host, request.getParameter(KEY_PARAM), request.getParameter(TOKEN_PARAM),
                request.getHeader("Authorization"), principal == null ? null : principal.getName(),
                request.getRemoteAddr(), request.getHeader("Cookie") != null);
    }

    /** The first of a proxy chain's comma-separated values (the one the browser's side set), or null. */
    private static String firstValue(String header) {
        if (header == null) {
            return null;
        }
        String value = header.split(",", 2)[0].trim();
        return value.isEmpty() ? null : value;
    }

    /** The credential of an {@code Authorization: Bearer …} header, or null. */
    String bearer() {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String value = authorization.substring(7).trim();
        return value.isEmpty() ? null : value;
    }

    private static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return e.getValue() == null || e.getValue().isEmpty() ? null : e.getValue().get(0);
            }
        }
        return null;
    }

    private static String first(Map<String, List<String>> params, String name) {
        if (params == null) {
            return null;
        }
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
