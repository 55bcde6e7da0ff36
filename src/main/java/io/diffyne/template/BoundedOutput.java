package io.diffyne.template;

import java.io.IOException;
import java.io.Writer;

/**
 * Where a render writes: a string builder or another writer, refusing to take more than the render's limit of
 * characters ({@link TemplateOptions#maxRenderedSize()}). It replaces Pebble's own limit and {@link java.io.StringWriter}
 * because both take every string as a copied {@code char[]} that the builder then checks character by character;
 * here a string is appended as it is. Not thread-safe: one render at a time.
 */
final class BoundedOutput extends Writer {

    private final int max;
    private final StringBuilder text;
    private final Writer out;
    private long written;

    private BoundedOutput(int max, StringBuilder text, Writer out) {
        this.max = max;
        this.text = text;
        this.out = out;
    }

    /** Collects the output as text ({@link #toString()}); {@code max < 0}: no limit. */
    static BoundedOutput text(int max) {
        return new BoundedOutput(max, new StringBuilder(256), null);
    }

    /** Passes the output on to {@code out}; {@code max < 0}: no limit. */
    static BoundedOutput to(Writer out, int max) {
        return new BoundedOutput(max, null, out);
    }

    private void take(int length) throws TooLarge {
        written += length;
        if (max >= 0 && written > max) {
            throw new TooLarge(max);
        }
    }

    @Override
    public void write(int c) throws IOException {
        take(1);
        if (text != null) {
            text.append((char) c);
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        take(length);
        if (text != null) {
            text.append(chars, offset, length);
        } else {
            out.write(chars, offset, length);
        }
    }

    @Override
    public void write(String s) throws IOException {
        take(s.length());
        if (text != null) {
            text.append(s);
        } else {
            out.write(s);
        }
    }

    @Override
    public void write(String s, int offset, int length) throws IOException {
        if (offset == 0 && length == s.length()) {
            write(s);
            return;
        }
        take(length);
        if (text != null) {
            text.append(s, offset, offset + length);
        } else {
            out.write(s, offset, length);
        }
    }

    @Override
    public Writer append(CharSequence csq) throws IOException {
        write(String.valueOf(csq));
        return this;
    }

    @Override
    public Writer append(CharSequence csq, int start, int end) throws IOException {
        CharSequence s = csq == null ? "null" : csq;
        write(s.subSequence(start, end).toString());
        return this;
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /** The collected text (of {@link #text}). */
    @Override
    public String toString() {
        return text != null ? text.toString() : super.toString();
    }

    /** A render went beyond its limit. */
    static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        TooLarge(int max) {
            super("renders more than " + max + " characters, the limit of one render's output");
        }
    }
}
