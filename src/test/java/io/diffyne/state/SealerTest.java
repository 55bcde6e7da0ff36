package io.diffyne.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SealerTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String CONTENT = "{\"c\":\"room\",\"d\":{\"id\":7},\"e\":1735689600000,\"n\":\"said\"}";
    private final Sealer sealer = new Sealer(KEY);

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void knownAnswer() {
        // sealed independently (Python's hmac and cryptography's AESGCM) as the Javadoc says, with salt 00 01 … 0f:
        //   root = HMAC(key, "diffyne-seal-v1"); k = HMAC(root, purpose ‖ 0x00 ‖ salt); AES-GCM(k, 12 zero bytes,
        //   aad = binding); base64url(salt ‖ ciphertext ‖ tag)
        assertArrayEquals(utf8(CONTENT), sealer.open("broadcast", "AAECAwQFBgcICQoLDA0ODw4jCsGwLdCDWjesJM4gV_Yosd90pmx"
                + "ZJLUuezdD-yQsA6PzMVyg7Oyg1CJlcGwdfTF4s1f5NVyAqB7-esPHxX8xMQM86G8", "ada@example.com"));
        assertArrayEquals(utf8("hello"), sealer.open("broadcast", "AAECAwQFBgcICQoLDA0ODx1kBY_lCNxfCREQPhq8Ro1inpUzyg",
                null));
    }

    @Test
    void whatIsSealedOpensForItsPurposeAndBindingOnly() {
        String sealed = sealer.seal("broadcast", utf8(CONTENT), "ada");
        assertArrayEquals(utf8(CONTENT), sealer.open("broadcast", sealed, "ada"));
        assertNull(sealer.open("broadcast", sealed, "bob"), "another binding");
        assertNull(sealer.open("broadcast", sealed, null), "no binding");
        assertNull(sealer.open("upload", sealed, "ada"), "another purpose");
        assertNull(new Sealer("another-key-0123456789".getBytes(StandardCharsets.US_ASCII)).open("broadcast", sealed,
                "ada"), "another key");
        assertArrayEquals(new byte[0], sealer.open("x", sealer.seal("x", new byte[0], ""), null), "empty, unbound");
    }

    @Test
    void theSameContentSealsDifferentlyEachTimeAndHidesItself() {
        String a = sealer.seal("broadcast", utf8(CONTENT), null);
        String b = sealer.seal("broadcast", utf8(CONTENT), null);
        assertNotEquals(a, b);
        assertEquals(Sealer.SALT_BYTES + CONTENT.length() + 16, Base64.getUrlDecoder().decode(a).length);
        String decoded = new String(Base64.getUrlDecoder().decode(a), StandardCharsets.ISO_8859_1);
        assertEquals(-1, decoded.indexOf("room"));
        assertEquals(-1, decoded.indexOf("said"));
    }

    @Test
    void anyChangeToTheSealedTextFailsToOpen() {
        String sealed = sealer.seal("broadcast", utf8(CONTENT), "ada");
        byte[] bytes = Base64.getUrlDecoder().decode(sealed);
        for (int i = 0; i < bytes.length; i++) {
            byte[] flipped = bytes.clone();
            flipped[i] ^= 1;
            assertNull(sealer.open("broadcast", Base64.getUrlEncoder().withoutPadding().encodeToString(flipped), "ada"),
                    "byte " + i + " flipped");
        }
        for (String bad : new String[] {"", "A", "!!!!", sealed.substring(0, sealed.length() - 1), sealed + "A",
                sealed + "=", sealed.substring(0, 43), "AAECAwQFBgcICQoLDA0ODx1kBY_lCNxfCREQPhq8Ro1inpUzyh"}) {
            assertNull(sealer.open("broadcast", bad, "ada"), bad);
        }
    }

    @Test
    void aShortKeyOrANameThatIsNoPurposeIsRefused() {
        assertThrows(StateException.class, () -> new Sealer(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> sealer.seal("", new byte[1], null));
        assertThrows(IllegalArgumentException.class, () -> sealer.seal("{x", new byte[1], null));
    }
}
