package io.diffyne.transport.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Origin arithmetic for CORS and the cross-site check: {@code HTTPS://Example.com:443} equals {@code https://example.com}. */
final class Origins {

    private Origins() {
    }

    /** {@code scheme://host[:port]} with default ports dropped, or null when the value is not an http(s) origin. */
    static String normalize(String origin) {
        if (origin == null || origin.length() > 2048) {
            return null;
        }
        try {
            URI uri = new URI(origin.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
                return null;
            }
            return of(scheme, uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The origin the request itself was addressed to. {@code X-Forwarded-Proto} / {@code X-Forwarded-Host} from a
     * reverse proxy win: a page cannot set them on a cross-site request without a preflight, which it would fail.
     */
    static String ofRequest(URI base, String forwardedProto, String forwardedHost) {
        String scheme = first(forwardedProto);
        if (scheme == null) {
            scheme = base.getScheme();
        }
        String hostPort = first(forwardedHost);
        if (hostPort == null) {
            return of(scheme.toLowerCase(Locale.ROOT), base.getHost(), base.getPort());
        }
        return normalize(scheme.toLowerCase(Locale.ROOT) + "://" + hostPort);
    }

    private static String of(String scheme, String host, int port) {
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static String first(String headerValue) {
        if (headerValue == null) {
            return null;
        }
        String value = headerValue.split(",", 2)[0].trim();
        return value.isEmpty() ? null : value;
    }
}
