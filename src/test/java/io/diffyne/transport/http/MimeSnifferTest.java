package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MimeSnifferTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    static Optional<String> sniff(byte[] bytes) {
        return MimeSniffer.sniff(bytes, bytes.length);
    }

    static Optional<String> sniff(String text) {
        return sniff(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recognizesTheDefaultTypesByTheirMagicBytes() {
        assertEquals(Optional.of("image/png"), sniff(PNG));
        assertEquals(Optional.of("image/jpeg"), sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertEquals(Optional.of("image/gif"), sniff("GIF89a\u0001\u0000"));
        assertEquals(Optional.of("image/webp"), sniff("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "));
        assertEquals(Optional.of("application/pdf"), sniff("%PDF-1.7\n"));
        assertEquals(Optional.of("application/zip"), sniff(new byte[] {'P', 'K', 3, 4, 20, 0}));
        assertEquals(Optional.of("text/plain"), sniff("name,qty\r\nmilk,2\r\nçà ✓\n"));
        assertEquals(Optional.of("text/plain"), sniff(""));
        assertEquals(Optional.empty(), sniff(new byte[] {0, 1, 2, 3}));
        assertEquals(Optional.empty(), sniff(new byte[] {'a', (byte) 0xC3, 'b'}));
        // a UTF-8 character cut by the end of the sniffed head is still text
        assertEquals(Optional.of("text/plain"), sniff(new byte[] {'a', (byte) 0xE2, (byte) 0x9C}));
    }

    @Test
    void theContentMustBeWhatIsDeclared() {
        assertTrue(MimeSniffer.matches("image/png", Optional.of("image/png")));
        assertFalse(MimeSniffer.matches("image/png", Optional.of("text/plain")));
        assertFalse(MimeSniffer.matches("image/jpeg", Optional.of("image/png")));
        assertTrue(MimeSniffer.matches("text/csv", Optional.of("text/plain")));
        assertFalse(MimeSniffer.matches("text/plain", Optional.of("application/pdf")));
        assertFalse(MimeSniffer.matches("text/plain", Optional.empty()));
        // a type the sniffer does not know is taken as declared (and previewed as a download)
        assertTrue(MimeSniffer.matches("application/json", Optional.of("text/plain")));
        assertTrue(MimeSniffer.matches("application/x-custom", Optional.empty()));
        assertEquals("jpg", MimeSniffer.extension("image/jpeg"));
        assertEquals("bin", MimeSniffer.extension("application/x-custom"));
    }
}
