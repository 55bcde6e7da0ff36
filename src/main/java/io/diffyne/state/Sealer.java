package io.diffyne.state;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Seals bytes so that only a server holding the signing key can read them, and can tell they are untouched: what a
 * client must carry for the server without seeing it (a broadcast's data inside its event pass).
 *
 * <p>Sealed text is {@code base64url(salt ‖ ciphertext ‖ tag)}: AES-256-GCM under a key of its own, the first 32
 * bytes of HMAC-SHA256(K, purpose ‖ 0x00 ‖ salt) with K = HMAC-SHA256(signing key, "diffyne-seal-v1") and a random
 * 16-byte salt; the nonce is zero, which is safe because no key seals twice. A fresh key per message avoids the
 * random-nonce bound of one long-lived GCM key (about 2^32 messages), needs no counter shared by a cluster, and costs
 * one HMAC. The {@code binding} (a principal, say) is authenticated as associated data, not carried: text sealed for
 * one binding does not open for another. Stateless and thread-safe.
 */
public final class Sealer {

    static final int SALT_BYTES = 16;
    private static final int TAG_BITS = 128;
    private static final byte[] NONCE = new byte[12];
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** K, and HMAC-SHA256 under it initialized once: each use works on a clone where the provider allows. */
    private final SecretKeySpec root;
    private final Mac prototype;

    /** @param signingKey {@code DIFFYNE_SIGNING_KEY} (at least 16 bytes); the sealing key is derived from it */
    public Sealer(byte[] signingKey) {
        if (signingKey == null || signingKey.length < SnapshotSigner.MIN_KEY_BYTES) {
            throw new StateException("Signing key must have at least " + SnapshotSigner.MIN_KEY_BYTES
                    + " bytes: set DIFFYNE_SIGNING_KEY to a longer secret");
        }
        this.root = new SecretKeySpec(mac(new SecretKeySpec(signingKey, "HmacSHA256"))
                .doFinal("diffyne-seal-v1".getBytes(StandardCharsets.US_ASCII)), "HmacSHA256");
        this.prototype = mac(root);
    }

    /** {@code plaintext} sealed for {@code purpose} (letters, a fixed name) and {@code binding} (null: none). */
    public String seal(String purpose, byte[] plaintext, String binding) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, purpose, salt, binding, plaintext, 0, plaintext.length);
        byte[] out = Arrays.copyOf(salt, SALT_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, SALT_BYTES, sealed.length);
        return B64.encodeToString(out);
    }

    /**
     * The plaintext of {@code sealed}, or null when it was not sealed by {@link #seal} for this purpose and binding
     * under this key: altered, cut, foreign, or not base64url at all.
     */
    public byte[] open(String purpose, String sealed, String binding) {
        byte[] bytes;
        try {
            bytes = B64D.decode(sealed);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length < SALT_BYTES + TAG_BITS / 8 || !B64.encodeToString(bytes).equals(sealed)) {
            // one spelling only, as for signatures: the last base64 character has several for the same bytes
            return null;
        }
        return crypt(Cipher.DECRYPT_MODE, purpose, Arrays.copyOf(bytes, SALT_BYTES), binding, bytes, SALT_BYTES,
                bytes.length - SALT_BYTES);
    }

    /** Encrypts, or decrypts and checks the tag (null when it does not match). */
    private byte[] crypt(int mode, String purpose, byte[] salt, String binding, byte[] input, int offset, int length) {
        if (purpose.isEmpty() || !Character.isLetter(purpose.charAt(0))) {
            throw new IllegalArgumentException("A sealing purpose starts with a letter: " + purpose);
        }
        byte[] label = (purpose + '\0').getBytes(StandardCharsets.UTF_8);
        byte[] info = Arrays.copyOf(label, label.length + salt.length);
        System.arraycopy(salt, 0, info, label.length, salt.length);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(messageKey(info), "AES"), new GCMParameterSpec(TAG_BITS, NONCE));
            cipher.updateAAD((binding == null ? "" : binding).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new StateException("AES/GCM is not available in this JVM", e);
        }
    }

    private byte[] messageKey(byte[] info) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            mac = mac(root); // a provider whose Mac cannot be cloned: a fresh one
        }
        return mac.doFinal(info);
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new StateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
