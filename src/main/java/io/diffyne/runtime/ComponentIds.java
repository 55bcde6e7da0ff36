package io.diffyne.runtime;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Random component ids: 12 base64url characters (72 bits), so ids cannot be guessed or collide in practice. */
public final class ComponentIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{12}");

    private ComponentIds() {
    }

    public static String next() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean valid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }
}
