package io.diffyne.vdom;

import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link VNode} tree as HTML that {@link HtmlParser} (and a browser) parses back to an equal tree: text and
 * attribute values escaped, {@code script}/{@code style} contents raw, void elements without end tags.
 *
 * <p>Used for the first page render and for {@code render} responses, where the runtime adds its framework
 * attributes ({@code diff:id}, {@code diff:snapshot}, …) to the root: {@code write(root, extra, out)}.
 */
public final class HtmlWriter {

    private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img",
            "input", "link", "meta", "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen", "param");

    /** Elements whose text the HTML parser reads verbatim: it must be written verbatim too. */
    private static final Set<String> RAW_TEXT_ELEMENTS = Set.of("script", "style", "xmp", "iframe", "noembed",
            "noframes", "plaintext", "noscript");

    /** Elements after whose start tag the HTML parser drops one newline: a leading newline needs another. */
    private static final Set<String> NEWLINE_EATING_ELEMENTS = Set.of("pre", "textarea", "listing");

    private HtmlWriter() {
    }

    /** Appends {@code node} as HTML. */
    public static void write(VNode node, StringBuilder out) {
        write(node, Map.of(), out);
    }

    /**
     * Appends {@code node} as HTML; when it is an element, {@code extraRootAttributes} are written on it after its
     * own attributes, and win over a same-named attribute of the template.
     */
    public static void write(VNode node, Map<String, String> extraRootAttributes, StringBuilder out) {
        // Java 17: no pattern switch yet; the interface is sealed, so these three are all there is.
        if (node instanceof VElement element) {
            writeElement(element, extraRootAttributes, out);
        } else if (node instanceof VText text) {
            escapeText(text.text(), out);
        } else {
            writeComment(((VComment) node).text(), out);
        }
    }

    private static void writeElement(VElement element, Map<String, String> extra, StringBuilder out) {
        String tag = element.tag();
        checkName(tag, "tag");
        out.append('<').append(tag);
        for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
            if (!extra.containsKey(attribute.getKey())) {
                writeAttribute(attribute.getKey(), attribute.getValue(), out);
            }
        }
        for (Map.Entry<String, String> attribute : extra.entrySet()) {
            writeAttribute(attribute.getKey(), attribute.getValue(), out);
        }
        out.append('>');
        if (VOID_ELEMENTS.contains(tag)) {
            return;
        }
        boolean raw = RAW_TEXT_ELEMENTS.contains(tag);
        if (NEWLINE_EATING_ELEMENTS.contains(tag) && !element.children().isEmpty()
                && element.children().get(0) instanceof VText first && first.text().startsWith("\n")) {
            out.append('\n');
        }
        for (VNode child : element.children()) {
            if (raw && child instanceof VText text) {
                writeRawText(tag, text.text(), out);
            } else {
                write(child, Map.of(), out);
            }
        }
        out.append("</").append(tag).append('>');
    }

    private static void writeAttribute(String name, String value, StringBuilder out) {
        checkName(name, "attribute");
        out.append(' ').append(name).append("=\"");
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\u00a0' -> out.append("&nbsp;");
                default -> out.append(c);
            }
        }
        out.append('"');
    }

    private static void escapeText(String text, StringBuilder out) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\u00a0' -> out.append("&nbsp;");
                default -> out.append(c);
            }
        }
    }

    /**
     * Raw text cannot be escaped; a parsed tree never holds its own end tag, but a built one might, and must not
     * break out of the element: {@code </script} becomes {@code <\/script} (the same string to JavaScript and CSS).
     */
    private static void writeRawText(String tag, String text, StringBuilder out) {
        int from = 0;
        int at;
        while ((at = indexOfEndTag(text, tag, from)) >= 0) {
            out.append(text, from, at).append("<\\/");
            from = at + 2;
        }
        out.append(text, from, text.length());
    }

    private static int indexOfEndTag(String text, String tag, int from) {
        for (int at = text.indexOf("</", from); at >= 0; at = text.indexOf("</", at + 1)) {
            if (text.regionMatches(true, at + 2, tag, 0, tag.length())) {
                return at;
            }
        }
        return -1;
    }

    /** A parsed comment never ends itself early; a built one is defused by breaking up its terminator. */
    private static void writeComment(String text, StringBuilder out) {
        String safe = text;
        if (safe.startsWith(">") || safe.startsWith("->")) {
            safe = " " + safe;
        }
        safe = safe.replace("--!>", "-- !>").replace("-->", "-- >");
        if (safe.endsWith("-") || safe.endsWith("<!-")) {
            safe = safe + " ";
        }
        out.append("<!--").append(safe).append("-->");
    }

    private static void checkName(String name, String what) {
        for (int i = 0, n = name.length(); i < n; i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == '"' || c == '\'' || c == '>' || c == '<' || c == '/' || c == '=' || c == 0x7f) {
                throw new IllegalArgumentException("Invalid " + what + " name for HTML: \"" + name + "\"");
            }
        }
    }
}
