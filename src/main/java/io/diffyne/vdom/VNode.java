package io.diffyne.vdom;

/**
 * One node of a virtual DOM tree: an element, a text or a comment. Nodes are immutable values; equal trees are
 * {@code equals}. Their wire form (protocol.md section 5), written by {@code io.diffyne.protocol.NodeWriter}:
 *
 * <pre>{@code {"t":"li","a":{"class":"done","diff:key":"7"},"c":[{"x":"Milk"},{"m":" note "}]}}</pre>
 */
public sealed interface VNode permits VElement, VText, VComment {

    /** The name of the attribute that makes a child keyed: keyed siblings are moved, never rebuilt. */
    String KEY_ATTRIBUTE = "diff:key";

    /** The {@code diff:key} of an element, or {@code null} for unkeyed elements, texts and comments. */
    default String key() {
        return null;
    }

    /** This node as HTML, escaped so that parsing it again yields an equal node. */
    default String toHtml() {
        StringBuilder out = new StringBuilder();
        HtmlWriter.write(this, out);
        return out.toString();
    }
}
