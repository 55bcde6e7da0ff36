package io.diffyne.transport.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what a file really is from its first bytes, so a declared {@code image/png} that is really HTML is refused.
 * Knows the default upload types; a type it does not know is trusted on its declaration alone (and previewed as a
 * download).
 */
final class MimeSniffer {

    /** How many leading bytes {@link #sniff} looks at. */
    static final int HEAD = 512;

    /** Known types and the file extension they are stored with. */
    static final Map<String, String> EXTENSIONS = Map.of(
            "image/png", "png",
            "image/jpeg", "jpg",
            "image/gif", "gif",
            "image/webp", "webp",
            "application/pdf", "pdf",
            "application/zip", "zip",
            "text/plain", "txt",
            "text/csv", "csv");

    private MimeSniffer() {
    }

    /** The type the content has, {@code text/plain} for any UTF-8 text, or empty when unrecognized. */
    static Optional<String> sniff(byte[] head, int length) {
        if (starts(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(head, length, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(head, length, 'G', 'I', 'F', '8', '7', 'a') || starts(head, length, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of("image/gif");
        }
        if (starts(head, length, 'R', 'I', 'F', 'F') && length >= 12
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of("image/webp");
        }
        if (starts(head, length, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        if (starts(head, length, 'P', 'K', 3, 4)) {
            return Optional.of("application/zip");
        }
        return isText(head, length) ? Optional.of("text/plain") : Optional.empty();
    }

    /** Whether content that sniffs as {@code sniffed} may be stored under the declared type. */
    static boolean matches(String declared, Optional<String> sniffed) {
        if (declared.startsWith("text/")) {
            return sniffed.filter("text/plain"::equals).isPresent();
        }
        if (EXTENSIONS.containsKey(declared)) {
            return sniffed.filter(declared::equals).isPresent();
        }
        // an administrator-added type the sniffer cannot check (application/json, say): its preview is a download
        return true;
    }

    static String extension(String type) {
        return EXTENSIONS.getOrDefault(type, "bin");
    }

    private static boolean starts(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 without NUL or control characters other than tab, line breaks and form feed. */
    private static boolean isText(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7f) {
                return false;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(ByteBuffer.wrap(head, 0, length), CharBuffer.allocate(length), false);
        // endOfInput=false: a character cut at the end of the sniffed head is not an error
        return !result.isError();
    }
}
