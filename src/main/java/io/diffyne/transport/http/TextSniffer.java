package io.diffyne.transport.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a whole file is text, checked as it streams past in chunks, in constant memory: valid UTF-8 from the first
 * byte to the last (no overlong forms, surrogates or a sequence cut at the end; a leading BOM is fine), and no control
 * character but tab, line feed, carriage return and form feed: no NUL, no other C0 control, no DEL, no C1 control
 * (U+0080–U+009F). Once a chunk fails, the file is not text and the caller may stop reading.
 */
final class TextSniffer {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    /** In read mode: the bytes of a character cut by the end of the last chunk (at most 3). */
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private CharBuffer chars = CharBuffer.allocate(0);
    private boolean text = true;

    /** Checks the next {@code length} bytes; false once the file is known not to be text. */
    boolean update(byte[] bytes, int offset, int length) {
        if (!text || length == 0) {
            return text;
        }
        if (pending.capacity() - pending.remaining() < length) {
            pending = ByteBuffer.allocate(pending.remaining() + length).put(pending);
        } else {
            pending.compact();
        }
        pending.put(bytes, offset, length).flip();
        if (chars.capacity() < pending.remaining()) {
            chars = CharBuffer.allocate(pending.remaining());
        }
        text = decode(pending, false); // leaves the start of a character that continues in the next chunk
        return text;
    }

    /** Whether everything checked was text, the end included. */
    boolean finish() {
        if (text) {
            text = decode(pending, true) && decoder.flush(chars.clear()).isUnderflow() && !pending.hasRemaining();
        }
        return text;
    }

    private boolean decode(ByteBuffer in, boolean end) {
        chars.clear();
        CoderResult result = decoder.decode(in, chars, end);
        if (result.isError()) {
            return false;
        }
        chars.flip();
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c >= 0x7f && c <= 0x9f) {
                return false;
            }
        }
        return true;
    }
}
