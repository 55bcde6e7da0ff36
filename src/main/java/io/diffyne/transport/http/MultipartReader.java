package io.diffyne.transport.http;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * Streams a {@code multipart/form-data} body part by part without buffering a part in memory, so an upload's size
 * limit is enforced while the bytes arrive. Bounded everywhere: the whole body ({@code maxTotal}), header lines, the
 * number of headers and parts. Each part must be consumed (or is skipped) before the next.
 */
final class MultipartReader {

    static final int MAX_HEADER_LINE = 8192;
    static final int MAX_HEADERS = 16;
    static final int MAX_PARTS = 16;
    private static final Pattern BOUNDARY = Pattern.compile("[A-Za-z0-9'()+_,./:=? -]{1,70}");

    /** One part: its form field name, its file name (null for plain fields), its declared type (null if none). */
    record Part(String name, String filename, String contentType, InputStream body) {
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final long maxTotal;
    private final LongFunction<ProtocolException> tooLarge;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int end;
    private boolean eof;
    private long total;
    private boolean finished;
    private int parts;
    private PartStream current;

    MultipartReader(InputStream in, String boundary, long maxTotal, LongFunction<ProtocolException> tooLarge) {
        if (boundary == null || !BOUNDARY.matcher(boundary).matches() || boundary.endsWith(" ")) {
            throw bad("The multipart boundary is missing or invalid");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.maxTotal = maxTotal;
        this.tooLarge = tooLarge;
        // the first boundary has no CRLF before it: pretend it had, so every boundary is the same delimiter
        buf[0] = '\r';
        buf[1] = '\n';
        end = 2;
        total = -2;
    }

    /** The next part, or null after the closing boundary. */
    Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (current == null) {
            new PartStream().transferTo(OutputStreamDiscard.INSTANCE); // the preamble
        } else {
            current.transferTo(OutputStreamDiscard.INSTANCE);
        }
        // after a delimiter: "--" closes the body, CRLF opens a part
        require(2);
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return null;
        }
        if (buf[pos] != '\r' || buf[pos + 1] != '\n') {
            throw bad("Malformed multipart body: expected a line break after the boundary");
        }
        pos += 2;
        if (++parts > MAX_PARTS) {
            throw bad("Too many form fields (at most " + MAX_PARTS + ")");
        }
        Map<String, String> headers = readHeaders();
        Map<String, String> disposition = parseDisposition(headers.get("content-disposition"));
        current = new PartStream();
        return new Part(disposition.get("name"), disposition.get("filename"), headers.get("content-type"), current);
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (int count = 0; ; count++) {
            String line = readLine();
            if (line.isEmpty()) {
                return headers;
            }
            if (count >= MAX_HEADERS) {
                throw bad("Too many headers in a multipart part");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw bad("Malformed multipart header");
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            require(1);
            byte b = buf[pos++];
            if (b == '\r') {
                require(1);
                if (buf[pos++] != '\n') {
                    throw bad("Malformed multipart header line");
                }
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_HEADER_LINE) {
                throw bad("A multipart header line is over " + MAX_HEADER_LINE + " bytes");
            }
            line.write(b);
        }
    }

    /** {@code form-data; name="file"; filename="a b.png"} → {name=file, filename=a b.png}. */
    static Map<String, String> parseDisposition(String value) {
        if (value == null) {
            throw bad("A multipart part has no Content-Disposition");
        }
        Map<String, String> params = new HashMap<>();
        int i = value.indexOf(';');
        if (i < 0 || !value.substring(0, i).trim().equalsIgnoreCase("form-data")) {
            throw bad("A multipart part is not form-data");
        }
        i++;
        while (i < value.length()) {
            while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == ';' || value.charAt(i) == '\t')) {
                i++;
            }
            int eq = value.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            StringBuilder v = new StringBuilder();
            if (i < value.length() && value.charAt(i) == '"') {
                i++;
                while (i < value.length() && value.charAt(i) != '"') {
                    char c = value.charAt(i++);
                    if (c == '\\' && i < value.length()) {
                        c = value.charAt(i++);
                    }
                    v.append(c);
                }
                i++;
            } else {
                while (i < value.length() && value.charAt(i) != ';') {
                    v.append(value.charAt(i++));
                }
            }
            params.putIfAbsent(key, key.equals("filename") ? v.toString() : v.toString().trim());
        }
        if (params.get("name") == null) {
            throw bad("A multipart part has no field name");
        }
        return params;
    }

    /** Makes at least {@code n} unread bytes available, or fails: the body ended inside a part. */
    private void require(int n) throws IOException {
        if (!fill(n)) {
            throw bad("Malformed multipart body: it ends before the closing boundary");
        }
    }

    /** Reads until {@code n} unread bytes are buffered; false when the stream ends first. */
    private boolean fill(int n) throws IOException {
        if (end - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= pos;
            pos = 0;
        }
        while (end - pos < n && !eof) {
            int read = in.read(buf, end, buf.length - end);
            if (read < 0) {
                eof = true;
            } else {
                end += read;
                total += read;
                if (total > maxTotal) {
                    throw tooLarge.apply(maxTotal);
                }
            }
        }
        return end - pos >= n;
    }

    private static ProtocolException bad(String message) {
        return new ProtocolException(ErrorType.BAD_REQUEST, message);
    }

    /** A part's bytes, up to the next delimiter (which it consumes). */
    private final class PartStream extends InputStream {

        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int available;
            while (true) {
                int found = indexOf(delimiter, pos, end);
                if (found >= 0) {
                    available = found - pos;
                    if (available == 0) {
                        pos += delimiter.length;
                        done = true;
                        return -1;
                    }
                    break;
                }
                // a delimiter may start in the last delimiter.length - 1 bytes: keep them until more arrive
                available = end - pos - (delimiter.length - 1);
                if (available > 0) {
                    break;
                }
                if (eof || !fill(end - pos + 1)) {
                    throw bad("Malformed multipart body: it ends before the closing boundary");
                }
            }
            int n = Math.min(len, available);
            System.arraycopy(buf, pos, target, off, n);
            pos += n;
            return n;
        }

        private int indexOf(byte[] needle, int from, int to) {
            outer:
            for (int i = from; i <= to - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (buf[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** Where skipped parts go. */
    private static final class OutputStreamDiscard extends java.io.OutputStream {
        static final OutputStreamDiscard INSTANCE = new OutputStreamDiscard();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

}
