package io.diffyne.transport.http;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a file is what it claims, so a declared {@code image/png} that is really HTML is refused: binary
 * types by their magic bytes at the start of the file, text types by reading the whole file ({@link TextSniffer}).
 * Knows the default upload types; a type it does not know is trusted on its declaration alone (and never previewed).
 */
final class MimeSniffer {

    /** How many leading bytes {@link #magic} looks at. */
    static final int HEAD = 16;

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

    /**
     * Types a browser may be shown inline ({@code GET /preview}): raster images, which a browser only decodes, and
     * plain text, served as text with {@code nosniff}. Not PDF (a viewer that runs scripts), SVG or HTML.
     */
    static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "text/plain",
            "text/csv");

    private MimeSniffer() {
    }

    /** The binary type the first bytes announce, or empty (text, or something unknown). */
    static Optional<String> magic(byte[] head, int length) {
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
        return Optional.empty();
    }

    /** Whether text types are checked as text (the whole file) rather than by magic bytes. */
    static boolean isText(String type) {
        return type.startsWith("text/");
    }

    /**
     * Whether a file declared {@code declared}, whose first bytes announce {@code magic} and which {@code text} says
     * is text from its first byte to its last, may be stored under that type.
     */
    static boolean matches(String declared, Optional<String> magic, boolean text) {
        if (isText(declared)) {
            return text;
        }
        if (EXTENSIONS.containsKey(declared)) {
            return magic.filter(declared::equals).isPresent();
        }
        // an administrator-added type the sniffer cannot check (application/json, say): never previewed
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
}
