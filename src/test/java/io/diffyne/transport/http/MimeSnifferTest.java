package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MimeSnifferTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    static Optional<String> magic(byte[] bytes) {
        return MimeSniffer.magic(bytes, bytes.length);
    }

    static Optional<String> magic(String text) {
        return magic(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recognizesTheDefaultBinaryTypesByTheirMagicBytes() {
        assertEquals(Optional.of("image/png"), magic(PNG));
        assertEquals(Optional.of("image/jpeg"), magic(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertEquals(Optional.of("image/gif"), magic("GIF89a\u0001\u0000"));
        assertEquals(Optional.of("image/webp"), magic("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "));
        assertEquals(Optional.of("application/pdf"), magic("%PDF-1.7\n"));
        assertEquals(Optional.of("application/zip"), magic(new byte[] {'P', 'K', 3, 4, 20, 0}));
        assertEquals(Optional.empty(), magic("name,qty\r\nmilk,2\r\n"));
        assertEquals(Optional.empty(), magic(new byte[] {(byte) 0x89, 'P', 'N'}));
        assertEquals(Optional.empty(), magic(""));
    }

    @Test
    void theContentMustBeWhatIsDeclared() {
        assertTrue(MimeSniffer.matches("image/png", Optional.of("image/png"), false));
        assertFalse(MimeSniffer.matches("image/png", Optional.empty(), true), "text is not a PNG");
        assertFalse(MimeSniffer.matches("image/jpeg", Optional.of("image/png"), false));
        assertTrue(MimeSniffer.matches("text/csv", Optional.empty(), true));
        assertFalse(MimeSniffer.matches("text/plain", Optional.of("application/pdf"), false));
        assertFalse(MimeSniffer.matches("text/plain", Optional.empty(), false));
        // a type the sniffer does not know is taken as declared (and never previewed)
        assertTrue(MimeSniffer.matches("application/json", Optional.empty(), true));
        assertTrue(MimeSniffer.matches("application/x-custom", Optional.empty(), false));
        assertFalse(MimeSniffer.INLINE.contains("application/x-custom"));
        assertFalse(MimeSniffer.INLINE.contains("application/pdf"));
        assertTrue(MimeSniffer.INLINE.contains("image/webp"));
        assertEquals("jpg", MimeSniffer.extension("image/jpeg"));
        assertEquals("bin", MimeSniffer.extension("application/x-custom"));
    }
}
