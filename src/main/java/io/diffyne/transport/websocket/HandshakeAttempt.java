package io.diffyne.transport.websocket;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the guard needs from an upgrade request, whichever API delivered it (the servlet filter's request or the
 * WebSocket configurator's {@code HandshakeRequest}). Values are raw and hostile.
 *
 * @param origin        the {@code Origin} header, or null (non-browser clients send none)
 * @param host          the {@code Host} header, or null
 * @param key           the query parameter {@code key}, or null
 * @param token         the query parameter {@code token}, or null
 * @param authorization the {@code Authorization} header, or null
 * @param principal     the container-authenticated user's name, or null
 * @param remoteAddress for logs only
 */
record HandshakeAttempt(String origin, String host, String key, String token, String authorization, String principal,
                        String remoteAddress) {

    static final String KEY_PARAM = "key";
    static final String TOKEN_PARAM = "token";

    /** Builds an attempt from the configurator's view: header names there may have any case. */
    static HandshakeAttempt fromHandshake(Map<String, List<String>> headers, Map<String, List<String>> params,
                                          String principal, String remoteAddress) {
        return new HandshakeAttempt(header(headers, "Origin"), header(headers, "Host"), first(params, KEY_PARAM),
                first(params, TOKEN_PARAM), header(headers, "Authorization"), principal, remoteAddress);
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
