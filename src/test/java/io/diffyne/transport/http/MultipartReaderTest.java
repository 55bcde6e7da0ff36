package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    static final String B = "----b0undary";

    static String body(String... partsWithHeaders) {
        StringBuilder s = new StringBuilder("preamble to ignore\r\n");
        for (String part : partsWithHeaders) {
            s.append("--").append(B).append("\r\n").append(part).append("\r\n");
        }
        return s.append("--").append(B).append("--\r\nepilogue").toString();
    }

    static List<String> readAll(InputStream in, long max) throws IOException {
        MultipartReader reader = new MultipartReader(in, B, max, l -> new ProtocolException(ErrorType.PAYLOAD_TOO_LARGE, "max " + l));
        List<String> parts = new ArrayList<>();
        for (MultipartReader.Part p = reader.next(); p != null; p = reader.next()) {
            parts.add(p.name() + "|" + p.filename() + "|" + p.contentType() + "|"
                    + new String(p.body().readAllBytes(), StandardCharsets.ISO_8859_1));
        }
        assertNull(reader.next());
        return parts;
    }

    /** Hands out one byte per read, so every boundary straddles reads. */
    static InputStream trickle(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void readsFieldsAndFilesWhateverTheReadSizes() throws IOException {
        String data = "line1\r\n--" + B.substring(0, 6) + "not a boundary\r\n-\r\n--";
        String body = body(
                "Content-Disposition: form-data; name=\"componentId\"\r\n\r\nq3Xv9Tz0bA1c",
                "Content-Disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\";c.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n" + data,
                "Content-Disposition: form-data; name=empty\r\n\r\n");
        List<String> expected = List.of("componentId|null|null|q3Xv9Tz0bA1c",
                "file|a \"b\";c.txt|text/plain|" + data, "empty|null|null|");
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(expected, readAll(new ByteArrayInputStream(bytes), 1 << 20));
        assertEquals(expected, readAll(trickle(bytes), 1 << 20));
    }

    @Test
    void unreadPartsAreSkipped() throws IOException {
        byte[] bytes = body("Content-Disposition: form-data; name=\"a\"\r\n\r\n" + "x".repeat(200_000),
                "Content-Disposition: form-data; name=\"b\"\r\n\r\nB").getBytes(StandardCharsets.ISO_8859_1);
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(bytes), B, 1 << 20, l -> null);
        assertEquals("a", reader.next().name());
        MultipartReader.Part b = reader.next();
        assertEquals("b", b.name());
        assertEquals("B", new String(b.body().readAllBytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void aBodyOverTheLimitFailsWhileStreaming() {
        InputStream endless = new InputStream() {
            int i;

            @Override
            public int read() {
                String head = "--" + B + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\n";
                return i < head.length() ? head.charAt(i++) : 'x';
            }
        };
        ProtocolException e = assertThrows(ProtocolException.class, () -> readAll(endless, 100_000));
        assertEquals(ErrorType.PAYLOAD_TOO_LARGE, e.type());
        assertEquals("max 100000", e.getMessage());
    }

    @Test
    void malformedBodiesAre400() {
        Map<String, String> cases = Map.of(
                "--" + B + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno closing boundary",
                "Malformed multipart body: it ends before the closing boundary",
                "--" + B + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + B + "--",
                "A multipart part has no Content-Disposition",
                "--" + B + "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--" + B + "--",
                "A multipart part is not form-data",
                "--" + B + "\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nx\r\n--" + B + "--",
                "A multipart part has no field name",
                "--" + B + "\r\n" + "X-A: 1\r\n".repeat(17) + "\r\nx\r\n--" + B + "--",
                "Too many headers in a multipart part",
                "--" + B + "\r\nContent-Disposition: form-data; name=\"" + "n".repeat(9000) + "\"\r\n\r\nx\r\n--" + B + "--",
                "A multipart header line is over 8192 bytes",
                "--" + B + "XX",
                "Malformed multipart body: expected a line break after the boundary");
        cases.forEach((body, message) -> {
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> readAll(new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)), 1 << 20), message);
            assertEquals(ErrorType.BAD_REQUEST, e.type());
            assertEquals(message, e.getMessage());
        });
        assertEquals("The multipart boundary is missing or invalid", assertThrows(ProtocolException.class,
                () -> new MultipartReader(InputStream.nullInputStream(), "a\r\nb", 10, l -> null)).getMessage());
        assertEquals("The multipart boundary is missing or invalid", assertThrows(ProtocolException.class,
                () -> new MultipartReader(InputStream.nullInputStream(), null, 10, l -> null)).getMessage());
    }

    @Test
    void tooManyPartsAre400() {
        String[] parts = new String[MultipartReader.MAX_PARTS + 1];
        java.util.Arrays.fill(parts, "Content-Disposition: form-data; name=\"a\"\r\n\r\nx");
        ProtocolException e = assertThrows(ProtocolException.class, () -> readAll(
                new ByteArrayInputStream(body(parts).getBytes(StandardCharsets.ISO_8859_1)), 1 << 20));
        assertEquals("Too many form fields (at most 16)", e.getMessage());
    }
}
