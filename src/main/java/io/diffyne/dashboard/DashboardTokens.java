package io.diffyne.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dashboard cookie's value: {@code <expiry millis>.<HMAC-SHA256 of it under DIFFYNE_DASHBOARD_KEY, base64url>}, so
 * the key itself never sits in a cookie, and a stolen cookie stops working at its expiry (or when the key changes).
 */
final class DashboardTokens {

    private static final String PURPOSE = "diffyne-dashboard-v1:";
    private final byte[] key;

    DashboardTokens(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    String issue(long expiresAtMillis) {
        return expiresAtMillis + "." + mac(expiresAtMillis);
    }

    /** Whether {@code token} was issued here and is not past its expiry at {@code nowMillis}. */
    boolean valid(String token, long nowMillis) {
        if (token == null || token.length() > 100) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        return expiry > nowMillis && MessageDigest.isEqual(mac(expiry).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code candidate} is the key, in time independent of where they differ. */
    boolean isKey(String candidate) {
        return candidate != null && MessageDigest.isEqual(key, candidate.getBytes(StandardCharsets.UTF_8));
    }

    private String mac(long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal((PURPOSE + expiry).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
