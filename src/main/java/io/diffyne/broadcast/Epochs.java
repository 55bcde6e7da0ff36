package io.diffyne.broadcast;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes channel log epochs: eight url-safe characters (48 random bits), so a new log taking the epoch a client holds
 * is a 1 in 2^48 chance.
 */
public final class Epochs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Epochs() {
    }

    public static String random() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
