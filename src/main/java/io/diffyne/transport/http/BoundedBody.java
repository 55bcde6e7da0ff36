package io.diffyne.transport.http;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body into memory with a hard byte limit: a declared {@code Content-Length} over the limit is refused
 * before reading anything, and a body without one (chunked) is read only up to the limit plus one byte.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    /** The body as UTF-8 text; 413 {@link ErrorType#PAYLOAD_TOO_LARGE} over {@code limit}, 400 when not UTF-8. */
    static String readUtf8(InputStream in, long declaredLength, int limit) throws IOException {
        if (declaredLength > limit) {
            throw tooLarge(limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 1024);
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1L - total))) > 0) {
            total += n;
            if (total > limit) {
                throw tooLarge(limit);
            }
            out.write(buffer, 0, n);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(ErrorType.BAD_REQUEST, "The body is not valid UTF-8");
        }
    }

    static ProtocolException tooLarge(long limit) {
        return new ProtocolException(ErrorType.PAYLOAD_TOO_LARGE, "The body is over the " + limit
                + "-byte limit (DIFFYNE_WS_MAX_MESSAGE_SIZE); send fewer actions per batch");
    }
}
