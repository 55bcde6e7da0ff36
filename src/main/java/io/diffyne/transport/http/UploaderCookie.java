package io.diffyne.transport.http;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which browser uploaded a file: a random secret in an {@code HttpOnly}, {@code SameSite=Strict} cookie scoped to
 * {@code <ctx>/_diffyne/}, set by the first upload, so the browser sends it with every later upload and with the
 * {@code <img>} request of a preview, and no page script or other site can read or send it. The store keeps only its
 * SHA-256, and a preview answers only a request that carries the cookie it was uploaded with. A client that keeps no
 * cookies gets a new identity per upload, and no previews.
 */
final class UploaderCookie {

    static final String NAME = "diffyne-uploader";
    /** As long as an upload lives. */
    static final int MAX_AGE = (int) Uploads.MAX_AGE.toSeconds();
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private UploaderCookie() {
    }

    /** The request's uploader secret, or null when it has none or a malformed one. */
    static String read(Map<String, Cookie> cookies) {
        Cookie cookie = cookies == null ? null : cookies.get(NAME);
        return cookie != null && VALUE.matcher(cookie.getValue()).matches() ? cookie.getValue() : null;
    }

    static String fresh() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The cookie that (re)sets {@code value}, for requests to {@code path} ({@code /ctx/_diffyne/}). */
    static NewCookie cookie(String value, String path, boolean secure) {
        return new NewCookie.Builder(NAME).value(value).path(path).maxAge(MAX_AGE).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** What the store keeps of the secret. */
    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Whether {@code value} (the request's secret, maybe null) is the one whose hash is {@code owner}. */
    static boolean owns(String value, String owner) {
        return value != null && MessageDigest.isEqual(hash(value).getBytes(StandardCharsets.US_ASCII),
                owner.getBytes(StandardCharsets.US_ASCII));
    }
}
