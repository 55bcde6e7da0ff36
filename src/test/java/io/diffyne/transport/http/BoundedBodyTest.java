package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    /** Gives {@code text} a byte a call, counting what was asked of it. */
    static final class Trickle extends InputStream {
        final byte[] bytes;
        int at;
        int calls;

        Trickle(String text) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            calls++;
            return at < bytes.length ? bytes[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            calls++;
            if (at >= bytes.length) {
                return -1;
            }
            into[offset] = bytes[at++];
            return 1;
        }
    }

    @Test
    void aDeclaredLengthIsReadExactlyAndNoFurther() throws IOException {
        Trickle in = new Trickle("{\"a\":\"é\"}NEXT");
        assertEquals("{\"a\":\"é\"}", BoundedBody.readUtf8(in, 10, 100));
        // ten bytes, one a call: the stream was not asked for an eleventh
        assertEquals(10, in.calls);
        assertEquals(10, in.at);
    }

    @Test
    void aStreamEndingBeforeItsDeclaredLengthGivesWhatItHad() throws IOException {
        assertEquals("{}", BoundedBody.readUtf8(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), 40, 100));
        assertEquals("", BoundedBody.readUtf8(InputStream.nullInputStream(), 0, 100));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnythingIsRead() {
        Trickle in = new Trickle("x".repeat(200));
        ProtocolException refused = assertThrows(ProtocolException.class, () -> BoundedBody.readUtf8(in, 101, 100));
        assertEquals(ErrorType.PAYLOAD_TOO_LARGE, refused.type());
        assertEquals(0, in.calls);
    }

    @Test
    void anUndeclaredLengthIsReadToTheLimitPlusOneByte() throws IOException {
        assertEquals("x".repeat(100), BoundedBody.readUtf8(new Trickle("x".repeat(100)), -1, 100));
        Trickle over = new Trickle("x".repeat(500));
        ProtocolException refused = assertThrows(ProtocolException.class, () -> BoundedBody.readUtf8(over, -1, 100));
        assertEquals(ErrorType.PAYLOAD_TOO_LARGE, refused.type());
        assertEquals(101, over.at);
    }

    @Test
    void invalidUtf8IsABadRequestEitherWay() {
        byte[] bad = {'{', (byte) 0xC3, '}'};
        for (long declared : new long[] {3, -1}) {
            ProtocolException refused = assertThrows(ProtocolException.class,
                    () -> BoundedBody.readUtf8(new ByteArrayInputStream(bad), declared, 100));
            assertEquals(ErrorType.BAD_REQUEST, refused.type());
        }
    }

    @Test
    void aFailingStreamIsABadRequest() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        for (long declared : new long[] {5, -1}) {
            ProtocolException refused = assertThrows(ProtocolException.class,
                    () -> BoundedBody.readUtf8(broken, declared, 100));
            assertEquals(ErrorType.BAD_REQUEST, refused.type());
        }
    }
}
