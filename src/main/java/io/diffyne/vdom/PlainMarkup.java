package io.diffyne.vdom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fast path of {@link HtmlParser}: one pass over markup whose HTML5 tree is its plain nesting, building the
 * {@link VElement} tree directly. It accepts only what needs none of HTML5's tree-construction rules: elements of
 * {@link #ELEMENTS}, every one closed by its own end tag (void ones not), attributes quoted or not, the character
 * references {@code &amp; &lt; &gt; &quot; &apos; &nbsp;} and numeric ones of plain characters, and it refuses
 * (answers null, and the caller parses with jsoup) anything else: comments, another {@code &}, an element a browser's
 * parser would close or move ({@code <p>} holding a block, {@code <li>} in {@code <li>}, {@code <a>} in {@code <a>},
 * a heading in a heading, {@code <button>} or {@code <form>} in its own kind), tables, raw-text elements, SVG and
 * MathML, {@code />} on a non-void element, and nesting beyond {@link HtmlParser#MAX_DEPTH}. What it accepts, it
 * builds exactly as the jsoup path would (same tree, same heap estimate): {@code HtmlParserTest} and
 * {@code PlainMarkupTest} check the two against each other.
 */
final class PlainMarkup {

    /** Elements whose start and end tags need nothing but nesting in the cases accepted here. */
    private static final Set<String> ELEMENTS = Set.of("div", "span", "ul", "ol", "li", "p", "a", "button", "label",
            "input", "img", "br", "hr", "wbr", "strong", "em", "b", "i", "small", "code", "h1", "h2", "h3", "h4", "h5",
            "h6", "section", "article", "header", "footer", "nav", "main", "aside", "form", "time", "mark", "kbd",
            "abbr", "sub", "sup", "s", "u", "q", "cite", "dfn", "var", "samp", "bdi", "data", "output", "progress",
            "meter", "figure", "figcaption", "blockquote", "details", "summary", "fieldset", "legend", "address");
    private static final Set<String> VOID = Set.of("input", "img", "br", "hr", "wbr");
    /** What a {@code <p>} may hold without a browser closing it first (phrasing content among {@link #ELEMENTS}). */
    private static final Set<String> PHRASING = Set.of("span", "a", "button", "label", "input", "img", "br", "wbr",
            "strong", "em", "b", "i", "small", "code", "time", "mark", "kbd", "abbr", "sub", "sup", "s", "u", "q",
            "cite", "dfn", "var", "samp", "bdi", "data", "output", "progress", "meter");
    /** HTML5's "special" elements among {@link #ELEMENTS}: an {@code <li>} start tag looks for an open li up to one. */
    private static final Set<String> SPECIAL = Set.of("address", "article", "aside", "blockquote", "br", "button",
            "details", "div", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hr", "img", "input", "li", "main", "nav", "ol", "p", "section", "summary", "ul", "wbr");
    /** jsoup's tokenizer shares strings up to this length within one parse. */
    private static final int SHARED_TOKEN_LENGTH = 12;
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private final String in;
    private int at;
    private long heap;
    private final List<String> open = new ArrayList<>();
    /**
     * One instance per distinct short token within a parse, as jsoup's tokenizer keeps them: a tree of 100 items
     * holds each repeated name and short value once, which the heap estimate ({@link TreeHeap}) counts on.
     */
    private final Map<String, String> tokens = new java.util.HashMap<>();
    /** The tokens whose heap the estimate holds already. */
    private final Set<String> counted = new java.util.HashSet<>();

    private PlainMarkup(String in) {
        this.in = in;
    }

    /** The tree of {@code html} (CR and BOM already removed), or null when the fast path does not take it. */
    static SizedTree parse(String html) {
        PlainMarkup p = new PlainMarkup(html);
        try {
            p.skipWhitespace();
            VElement root = p.element();
            p.skipWhitespace();
            return root == null || p.at != html.length() ? null : new SizedTree(root, p.heap);
        } catch (Refused e) {
            return null;
        }
    }

    /** One element at {@link #at} (a start tag), its content and its end tag. */
    private VElement element() {
        if (!in.startsWith("<", at)) {
            return null;
        }
        at++;
        String tag = name();
        if (!ELEMENTS.contains(tag) || !admitted(tag) || open.size() >= HtmlParser.MAX_DEPTH) {
            throw Refused.INSTANCE;
        }
        Map<String, String> attributes = attributes();
        boolean selfClosing = in.startsWith("/>", at);
        if (selfClosing ? !VOID.contains(tag) : !in.startsWith(">", at)) {
            throw Refused.INSTANCE;
        }
        at += selfClosing ? 2 : 1;
        if (VOID.contains(tag)) {
            return built(new VElement(tag, attributes, List.of()));
        }
        open.add(tag);
        List<VNode> children = new ArrayList<>();
        while (true) {
            int textStart = at;
            String text = text();
            if (!HtmlParser.isAsciiWhitespace(text)) {
                children.add(new VText(text));
                heap += TreeHeap.leaf(text, SHARED_TOKEN_LENGTH);
                countOnce(text);
            }
            if (at >= in.length()) {
                throw Refused.INSTANCE; // unclosed
            }
            if (in.startsWith("</", at)) {
                at += 2;
                if (!name().equals(tag)) {
                    throw Refused.INSTANCE;
                }
                skipWhitespace();
                if (!in.startsWith(">", at)) {
                    throw Refused.INSTANCE;
                }
                at++;
                open.remove(open.size() - 1);
                return built(new VElement(tag, attributes, children));
            }
            if (at == textStart && !in.startsWith("<", at)) {
                throw Refused.INSTANCE;
            }
            children.add(element());
        }
    }

    /** Whether opening {@code tag} here is plain nesting for a browser's parser. */
    private boolean admitted(String tag) {
        if (open.contains("p") && !PHRASING.contains(tag)) {
            return false;
        }
        if ((tag.equals("a") || tag.equals("button") || tag.equals("form")) && open.contains(tag)) {
            return false;
        }
        if (HEADINGS.contains(tag) && !open.isEmpty() && HEADINGS.contains(open.get(open.size() - 1))) {
            return false;
        }
        if (tag.equals("li")) {
            for (int i = open.size() - 1; i >= 0; i--) {
                String name = open.get(i);
                if (name.equals("li")) {
                    return false;
                }
                if (SPECIAL.contains(name) && !name.equals("address") && !name.equals("div") && !name.equals("p")) {
                    break;
                }
            }
        }
        return true;
    }

    private VElement built(VElement element) {
        // names and short values are tokens, each counted once
        heap += TreeHeap.element(element.tag(), element.attributes(), element.children(), SHARED_TOKEN_LENGTH);
        countOnce(element.tag());
        element.attributes().forEach((name, value) -> {
            countOnce(name);
            countOnce(value);
        });
        return element;
    }

    /** A tag or attribute name: ASCII letters, digits and {@code - _ : . @}, first a letter, lower-cased. */
    private String name() {
        int start = at;
        while (at < in.length() && nameChar(in.charAt(at), at == start)) {
            at++;
        }
        if (at == start) {
            throw Refused.INSTANCE;
        }
        return token(lower(in.substring(start, at)));
    }

    /** A short string shared within the tree, and with other trees ({@link SharedTokens}; the empty one is every class's). */
    private String token(String s) {
        if (s.isEmpty()) {
            return "";
        }
        return s.length() > SHARED_TOKEN_LENGTH ? s : tokens.computeIfAbsent(s, SharedTokens::of);
    }

    /** Counts a shared token's heap the first time the tree holds it (whitespace dropped between tags never is). */
    private void countOnce(String s) {
        if (!s.isEmpty() && s.length() <= SHARED_TOKEN_LENGTH && counted.add(s)) {
            heap += TreeHeap.string(s);
        }
    }

    private Map<String, String> attributes() {
        Map<String, String> attributes = null;
        boolean spaced = false;
        while (true) {
            int before = at;
            skipWhitespace();
            spaced |= at > before;
            if (at >= in.length()) {
                throw Refused.INSTANCE;
            }
            char c = in.charAt(at);
            if (c == '>' || c == '/') {
                return attributes == null ? Map.of() : attributes;
            }
            if (!spaced) {
                throw Refused.INSTANCE; // attributes run together
            }
            String name = name();
            String value = "";
            int afterName = at;
            skipWhitespace();
            if (in.startsWith("=", at)) {
                at++;
                skipWhitespace();
                value = value();
                spaced = false;
            } else {
                spaced = at > afterName;
            }
            if (attributes == null) {
                attributes = new LinkedHashMap<>();
            }
            attributes.putIfAbsent(name, value); // a browser keeps the first of a repeated attribute
        }
    }

    private String value() {
        if (at >= in.length()) {
            throw Refused.INSTANCE;
        }
        char quote = in.charAt(at);
        if (quote == '"' || quote == '\'') {
            int end = in.indexOf(quote, at + 1);
            if (end < 0) {
                throw Refused.INSTANCE;
            }
            String value = decode(at + 1, end);
            at = end + 1;
            return value;
        }
        int start = at;
        while (at < in.length()) {
            char c = in.charAt(at);
            if (space(c) || c == '>') {
                break;
            }
            if (c == '"' || c == '\'' || c == '<' || c == '=' || c == '`') {
                throw Refused.INSTANCE;
            }
            at++;
        }
        if (at == start) {
            throw Refused.INSTANCE;
        }
        return decode(start, at);
    }

    /** Text up to the next {@code <} (or the end), decoded. */
    private String text() {
        int end = in.indexOf('<', at);
        if (end < 0) {
            end = in.length();
        }
        String text = decode(at, end);
        at = end;
        return text;
    }

    /** {@code in[from, to)} with its character references decoded; refused on one outside the simple set, or NUL. */
    private String decode(int from, int to) {
        int amp = -1;
        for (int i = from; i < to; i++) {
            char c = in.charAt(i);
            if (c == '\0') {
                throw Refused.INSTANCE;
            }
            if (c == '&' && amp < 0) {
                amp = i;
            }
        }
        if (amp < 0) {
            return token(in.substring(from, to));
        }
        StringBuilder out = new StringBuilder(to - from);
        out.append(in, from, amp);
        int i = amp;
        while (i < to) {
            char c = in.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int semi = in.indexOf(';', i);
            if (semi < 0 || semi >= to || semi - i > 10) {
                throw Refused.INSTANCE;
            }
            out.append(reference(in.substring(i + 1, semi)));
            i = semi + 1;
        }
        return token(out.toString());
    }

    private static char reference(String name) {
        switch (name) {
            case "amp":
                return '&';
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "quot":
                return '"';
            case "apos":
                return '\'';
            case "nbsp":
                return '\u00A0';
            default:
                break;
        }
        int code;
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                code = Integer.parseInt(name.substring(2), 16);
            } else if (name.startsWith("#")) {
                code = Integer.parseInt(name.substring(1));
            } else {
                throw Refused.INSTANCE;
            }
        } catch (NumberFormatException e) {
            throw Refused.INSTANCE;
        }
        boolean plain = code == '\t' || code == '\n' || (code >= 0x20 && code <= 0x7E) || (code >= 0xA0 && code < 0xD800)
                || (code >= 0xE000 && code <= 0xFFFD && (code < 0xFDD0 || code > 0xFDEF));
        if (!plain || name.length() > 8 || name.charAt(1) == '+' || name.charAt(1) == '-') {
            throw Refused.INSTANCE;
        }
        return (char) code;
    }

    private void skipWhitespace() {
        while (at < in.length() && space(in.charAt(at))) {
            at++;
        }
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean nameChar(char c, boolean first) {
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return first ? letter : letter || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' || c == '.'
                || c == '@';
    }

    private static String lower(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return name.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return name;
    }

    /** Not taken by the fast path: the caller parses with jsoup. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Refused INSTANCE = new Refused();

        private Refused() {
            super(null, null, false, false);
        }
    }
}
