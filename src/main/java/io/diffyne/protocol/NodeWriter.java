package io.diffyne.protocol;

import io.diffyne.vdom.VComment;
import io.diffyne.vdom.VElement;
import io.diffyne.vdom.VNode;
import io.diffyne.vdom.VText;
import java.util.Map;

/**
 * Writes virtual DOM nodes as the compact JSON of protocol.md section 5, by hand (it runs for every patch sent):
 *
 * <pre>{@code
 * {"t":"li","a":{"class":"done","diff:key":"7"},"c":[{"x":"Milk"},{"m":" note "}]}
 * }</pre>
 * {@code a} and {@code c} are omitted when empty; attributes keep their source order.
 */
public final class NodeWriter {


    private NodeWriter() {
    }

    /** {@code node} as JSON. */
    public static String toJson(VNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    /** Appends {@code node} as JSON. */
    public static void write(VNode node, StringBuilder out) {
        if (node instanceof VElement element) {
            out.append("{\"t\":");
            writeString(element.tag(), out);
            if (!element.attributes().isEmpty()) {
                out.append(",\"a\":");
                writeStringMap(element.attributes(), out);
            }
            if (!element.children().isEmpty()) {
                out.append(",\"c\":[");
                boolean first = true;
                for (VNode child : element.children()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(child, out);
                }
                out.append(']');
            }
            out.append('}');
        } else if (node instanceof VText text) {
            out.append("{\"x\":");
            writeString(text.text(), out);
            out.append('}');
        } else {
            out.append("{\"m\":");
            writeString(((VComment) node).text(), out);
            out.append('}');
        }
    }

    /** Appends {@code {"name":"value",…}} in the map's iteration order. */
    static void writeStringMap(Map<String, String> map, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> entry : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(entry.getKey(), out);
            out.append(':');
            writeString(entry.getValue(), out);
        }
        out.append('}');
    }

    /**
     * Appends a JSON string literal, escaped minimally as in protocol.md section 2: {@code "} and {@code \}, control
     * characters as {@code \b \f \n \r \t} or {@code \}{@code u00XX}. An unpaired surrogate is written as its
     * {@code \}{@code uXXXX} escape: raw, it would turn into {@code ?} when the response is encoded as UTF-8.
     */
    public static void writeString(String value, StringBuilder out) {
        io.diffyne.state.CanonicalJson.writeString(value, out);
    }
}
