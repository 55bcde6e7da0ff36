package io.diffyne.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The answers of protocol v2 over WebSocket (docs/protocol.md §7): a section-4 body without what the client already
 * knows. The connection answers its requests one each, in order, so an answer needs no envelope and no
 * {@code requestId}; {@code s} is implied ({@code type} is present exactly on failures); the component part's
 * members stand at the top (their names never clash with the body's); {@code i} is left out when it is the requested
 * component, {@code v} when it is the requested version + 1.
 *
 * <pre>{"s":true,"c":{"i":"q3Xv9Tz0bA1c","p":[…],"sd":[…],"v":4,"sig":"…"},"requestId":"7"}
 * → {"p":[…],"sd":[…],"sig":"…"}  (for a request from version 3 of q3Xv9Tz0bA1c)</pre>
 *
 * Works on the body's text as the server wrote it (members split by a string-aware scanner), never parsing values.
 */
public final class CompactAnswers {

    /** The protocol version that speaks this way; a WebSocket client asks for it with {@code ?v=2}. */
    public static final int VERSION = 2;

    private CompactAnswers() {
    }

    /**
     * @param body        a section-4 body (an object, as {@link ResponseWriter} writes it)
     * @param componentId the id the request named, or null
     * @param baseVersion the version the request named (its snapshot's or reference's)
     */
    public static String answer(String body, String componentId, long baseVersion) {
        StringBuilder out = new StringBuilder(body.length()).append('{');
        for (String[] member : members(body)) {
            String key = member[0];
            if (key.equals("s") || key.equals("requestId")) {
                continue;
            }
            if (key.equals("c") && member[1].startsWith("{")) {
                for (String[] c : members(member[1])) {
                    if (c[0].equals("i") && componentId != null && c[1].equals(quoted(componentId))
                            || c[0].equals("v") && c[1].equals(Long.toString(baseVersion + 1))) {
                        continue;
                    }
                    append(out, c);
                }
                continue;
            }
            append(out, member);
        }
        return out.append('}').toString();
    }

    /** A refusal of a request: {@code {"error":"…","type":"…"}}. */
    public static String failure(ErrorType type, String message) {
        return answer(ResponseWriter.failure(type, message).finish(null), null, -1);
    }

    private static void append(StringBuilder out, String[] member) {
        if (out.length() > 1) {
            out.append(',');
        }
        ResponseWriter.string(member[0], out);
        out.append(':').append(member[1]);
    }

    private static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        ResponseWriter.string(value, out);
        return out.toString();
    }

    /** The members of a JSON object's text: {key (unescaped: keys here are plain), raw value text}. */
    static List<String[]> members(String object) {
        List<String[]> members = new ArrayList<>();
        int i = skipSpace(object, 1);
        while (i < object.length() && object.charAt(i) != '}') {
            int keyEnd = skip(object, i);
            String key = object.substring(i + 1, keyEnd - 1);
            int valueStart = skipSpace(object, object.indexOf(':', keyEnd) + 1);
            int valueEnd = skip(object, valueStart);
            members.add(new String[] {key, object.substring(valueStart, valueEnd)});
            i = skipSpace(object, valueEnd);
            if (i < object.length() && object.charAt(i) == ',') {
                i = skipSpace(object, i + 1);
            }
        }
        return members;
    }

    /** The index just after the JSON value starting at {@code i}. */
    private static int skip(String text, int i) {
        char first = text.charAt(i);
        if (first == '"') {
            int j = i + 1;
            while (text.charAt(j) != '"') {
                j += text.charAt(j) == '\\' ? 2 : 1;
            }
            return j + 1;
        }
        if (first == '{' || first == '[') {
            int depth = 0;
            int j = i;
            do {
                char c = text.charAt(j);
                if (c == '"') {
                    j = skip(text, j);
                    continue;
                }
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                }
                j++;
            } while (depth > 0);
            return j;
        }
        int j = i;
        while (j < text.length() && ",}] \n\r\t".indexOf(text.charAt(j)) < 0) {
            j++;
        }
        return j;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
