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
import java.util.logging.Level;

/**
 * Reads a request body into memory with a hard byte limit: a declared {@code Content-Length} over the limit is refused
 * before reading anything, and a body without one (chunked) is read only up to the limit plus one byte.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    /** The body as UTF-8 text; 413 {@link ErrorType#PAYLOAD_TOO_LARGE} over {@code limit}, 400 when not UTF-8. */
    static String readUtf8(InputStream in, long declaredLength, int limit) throws IOException {
        return readUtf8(in, declaredLength, limit, () -> tooLarge(limit));
    }

    /** As above, {@code tooLarge} saying what is over the limit. */
    static String readUtf8(InputStream in, long declaredLength, int limit,
                           java.util.function.Supplier<ProtocolException> tooLarge) throws IOException {
        if (declaredLength > limit) {
            throw tooLarge.get();
        }
        ByteBuffer body = declaredLength >= 0 ? declared(in, (int) declaredLength) : undeclared(in, limit, tooLarge);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(body).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(ErrorType.BAD_REQUEST, "The body is not valid UTF-8");
        }
    }

    /**
     * A body of a declared length (within the limit): read into an array of that size and no further, since the
     * container ends the stream there. A stream that ends early gives what it had.
     */
    private static ByteBuffer declared(InputStream in, int length) {
        byte[] body = new byte[length];
        int total = 0;
        int n;
        while (total < length && (n = readClient(in, body, total, length - total)) > 0) {
            total += n;
        }
        return ByteBuffer.wrap(body, 0, total);
    }

    /** A body without a declared length (chunked): read up to the limit plus one byte, to tell it is over. */
    private static ByteBuffer undeclared(InputStream in, int limit,
                                         java.util.function.Supplier<ProtocolException> tooLarge) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = readClient(in, buffer, 0, (int) Math.min(buffer.length, limit + 1L - total))) > 0) {
            total += n;
            if (total > limit) {
                throw tooLarge.get();
            }
            out.write(buffer, 0, n);
        }
        return ByteBuffer.wrap(out.toByteArray());
    }

    /**
     * Reads from a request body: a failure there is the client going away mid-request, logged at FINE and answered
     * (if anyone still listens) as a bad request, never as a server error.
     */
    static int readClient(InputStream in, byte[] buffer, int offset, int length) {
        try {
            return in.read(buffer, offset, length);
        } catch (IOException e) {
            FailureMapper.LOG.log(Level.FINE, "A request body could not be read", e);
            throw new ProtocolException(ErrorType.BAD_REQUEST, "The request body could not be read");
        }
    }

    static ProtocolException tooLarge(long limit) {
        return new ProtocolException(ErrorType.PAYLOAD_TOO_LARGE, "The body is over the " + limit
                + "-byte limit (DIFFYNE_WS_MAX_MESSAGE_SIZE); send fewer actions per batch");
    }
}
