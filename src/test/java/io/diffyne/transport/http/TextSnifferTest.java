package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextSnifferTest {

    /** Whether {@code bytes} fed in chunks of {@code chunk} bytes is text. */
    static boolean text(byte[] bytes, int chunk) {
        TextSniffer sniffer = new TextSniffer();
        for (int i = 0; i < bytes.length; i += chunk) {
            sniffer.update(bytes, i, Math.min(chunk, bytes.length - i));
        }
        return sniffer.finish();
    }

    static boolean text(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        // every chunking agrees: a character cut between two chunks is joined again
        for (int chunk : new int[] {1, 2, 3, 7, 4096}) {
            boolean verdict = text(bytes, chunk);
            if (verdict != text(bytes, bytes.length + 1)) {
                throw new AssertionError("chunks of " + chunk + " disagree on " + s);
            }
        }
        return text(bytes, 4096);
    }

    @Test
    void textIsValidUtf8WithWhitespaceButNoOtherControls() {
        assertTrue(text(""));
        assertTrue(text("name,qty\r\nmilk,2\r\n\tçà ✓ 😀\f\n"));
        assertTrue(text("\uFEFFa byte order mark is fine"));
        assertFalse(text("a\u0000b"));
        assertFalse(text("bell\u0007"));
        assertFalse(text("escape \u001b[31m"));
        assertFalse(text("del\u007f"));
        assertFalse(text("c1 \u0085 next line"));
        assertTrue(text("\u00a0 is a character, not a control"));
    }

    @Test
    void malformedOrCutUtf8IsNotText() {
        assertFalse(text(new byte[] {'a', (byte) 0xC3, 'b'}, 4096));
        assertFalse(text(new byte[] {'a', (byte) 0xE2, (byte) 0x9C}, 4096), "cut at the end of the file");
        assertFalse(text(new byte[] {'a', (byte) 0xE2, (byte) 0x9C}, 1));
        assertFalse(text(new byte[] {(byte) 0xC0, (byte) 0xAF}, 4096), "an overlong '/'");
        assertFalse(text(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 4096), "an encoded surrogate");
        assertFalse(text(new byte[] {(byte) 0xFF}, 1));
    }

    @Test
    void aNulFarIntoTheFileIsFoundAndStopsTheCheck() {
        byte[] bytes = new byte[200_000];
        java.util.Arrays.fill(bytes, (byte) 'x');
        bytes[150_000] = 0;
        TextSniffer sniffer = new TextSniffer();
        boolean still = true;
        int fed = 0;
        while (still && fed < bytes.length) {
            still = sniffer.update(bytes, fed, 16_384);
            fed += 16_384;
        }
        assertFalse(still);
        assertTrue(fed < bytes.length, "the check stops at the chunk with the NUL");
        assertFalse(sniffer.finish());
        assertFalse(sniffer.update(new byte[] {'a'}, 0, 1), "once not text, never text again");
    }
}
