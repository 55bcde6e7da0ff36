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

    // what each tag of ELEMENTS is, read once per start tag (one lookup in place of one per set)
    private static final int KNOWN = 1;
    private static final int IS_VOID = 1 << 1;
    private static final int IS_PHRASING = 1 << 2;
    private static final int IS_HEADING = 1 << 3;
    /** An {@code <li>} start tag's search for an open li stops at this one (special, but not address, div, p). */
    private static final int ENDS_LI_SCOPE = 1 << 4;
    private static final int IS_P = 1 << 5;
    /** {@code <a>}, {@code <button>}, {@code <form>}: never inside their own kind. */
    private static final int NOT_IN_OWN_KIND = 1 << 6;
    private static final int IS_LI = 1 << 7;
    private static final Map<String, Integer> FLAGS = flags();

    /** The markup's characters: read by index throughout, cheaper than a string's (whatever its coder). */
    private final char[] in;
    private final int length;
    private int at;
    private long heap;
    /** The open elements' tags and flags, innermost last. */
    private String[] openTags = new String[16];
    private int[] openFlags = new int[16];
    private int depth;
    private int openParagraphs;
    /** Each depth's child list while its element is parsed, reused: the element keeps a copy. */
    private final List<ArrayList<VNode>> childLists = new ArrayList<>();
    /** One element's attributes while its start tag is read: name, value, name, value, … */
    private String[] pairs = new String[8];
    private final Tokens tokens = new Tokens();

    private PlainMarkup(String in) {
        this.in = in.toCharArray();
        this.length = this.in.length;
    }

    private static Map<String, Integer> flags() {
        Map<String, Integer> flags = new java.util.HashMap<>();
        for (String tag : ELEMENTS) {
            int f = KNOWN;
            f |= VOID.contains(tag) ? IS_VOID : 0;
            f |= PHRASING.contains(tag) ? IS_PHRASING : 0;
            f |= HEADINGS.contains(tag) ? IS_HEADING : 0;
            f |= SPECIAL.contains(tag) && !tag.equals("address") && !tag.equals("div") && !tag.equals("p")
                    ? ENDS_LI_SCOPE : 0;
            f |= tag.equals("p") ? IS_P : 0;
            f |= tag.equals("a") || tag.equals("button") || tag.equals("form") ? NOT_IN_OWN_KIND : 0;
            f |= tag.equals("li") ? IS_LI : 0;
            flags.put(tag, f);
        }
        return Map.copyOf(flags);
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

    private int indexOf(char c, int from) {
        for (int i = from; i < length; i++) {
            if (in[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private boolean at(char c) {
        return at < length && in[at] == c;
    }

    /** One element at {@link #at} (a start tag), its content and its end tag. */
    private VElement element() {
        if (!at('<')) {
            return null;
        }
        at++;
        String tag = name();
        int flags = tokens.lastFlags();
        if (flags == 0 || !admitted(tag, flags) || depth >= HtmlParser.MAX_DEPTH) {
            throw Refused.INSTANCE;
        }
        Map<String, String> attributes = attributes();
        boolean selfClosing = at('/') && at + 1 < length && in[at + 1] == '>';
        boolean isVoid = (flags & IS_VOID) != 0;
        if (selfClosing ? !isVoid : !at('>')) {
            throw Refused.INSTANCE;
        }
        at += selfClosing ? 2 : 1;
        if (isVoid) {
            return built(new VElement(tag, attributes, List.of()));
        }
        ArrayList<VNode> children = push(tag, flags);
        while (true) {
            int textStart = at;
            int end = indexOf('<', at);
            if (end < 0) {
                end = length;
            }
            if (!whitespace(at, end)) {
                String text = decode(at, end);
                if (!HtmlParser.isAsciiWhitespace(text)) {
                    children.add(new VText(text));
                    heap += TreeHeap.leaf(text, SHARED_TOKEN_LENGTH);
                    countOnce(text);
                }
            }
            at = end;
            if (at >= length) {
                throw Refused.INSTANCE; // unclosed
            }
            if (at + 1 < length && in[at + 1] == '/') {
                at += 2;
                if (!endTagIs(tag)) {
                    throw Refused.INSTANCE;
                }
                skipWhitespace();
                if (!at('>')) {
                    throw Refused.INSTANCE;
                }
                at++;
                VElement element = built(new VElement(tag, attributes, children));
                pop(flags);
                return element;
            }
            if (at == textStart && !at('<')) {
                throw Refused.INSTANCE;
            }
            children.add(element());
        }
    }

    /** Opens {@code tag}: its (empty) child list. */
    private ArrayList<VNode> push(String tag, int flags) {
        if (depth == openTags.length) {
            openTags = java.util.Arrays.copyOf(openTags, depth * 2);
            openFlags = java.util.Arrays.copyOf(openFlags, depth * 2);
        }
        openTags[depth] = tag;
        openFlags[depth] = flags;
        if ((flags & IS_P) != 0) {
            openParagraphs++;
        }
        if (childLists.size() == depth) {
            childLists.add(new ArrayList<>());
        }
        return childLists.get(depth++);
    }

    private void pop(int flags) {
        depth--;
        childLists.get(depth).clear();
        if ((flags & IS_P) != 0) {
            openParagraphs--;
        }
    }

    /** Whether opening {@code tag} here is plain nesting for a browser's parser. */
    private boolean admitted(String tag, int flags) {
        if (openParagraphs > 0 && (flags & IS_PHRASING) == 0) {
            return false;
        }
        if ((flags & NOT_IN_OWN_KIND) != 0) {
            for (int i = 0; i < depth; i++) {
                if (openTags[i].equals(tag)) {
                    return false;
                }
            }
        }
        if ((flags & IS_HEADING) != 0 && depth > 0 && (openFlags[depth - 1] & IS_HEADING) != 0) {
            return false;
        }
        if ((flags & IS_LI) != 0) {
            for (int i = depth - 1; i >= 0; i--) {
                if ((openFlags[i] & IS_LI) != 0) {
                    return false;
                }
                if ((openFlags[i] & ENDS_LI_SCOPE) != 0) {
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

    /**
     * A tag or attribute name: ASCII letters, digits and {@code - _ : . @}, first a letter, lower-cased. A token when
     * it is short enough, whose element flags {@link Tokens#lastFlags} then gives.
     */
    private String name() {
        int start = at;
        boolean upper = false;
        while (at < length && nameChar(in[at], at == start)) {
            char c = in[at];
            upper |= c >= 'A' && c <= 'Z';
            at++;
        }
        if (at == start) {
            throw Refused.INSTANCE;
        }
        if (upper) {
            return token(new String(in, start, at - start).toLowerCase(java.util.Locale.ROOT));
        }
        return at - start > SHARED_TOKEN_LENGTH ? tokens.unshared(new String(in, start, at - start))
                : tokens.region(in, start, at);
    }

    /** Whether the end tag's name at {@link #at} is {@code tag} (ASCII case ignored, as {@link #name} lower-cases). */
    private boolean endTagIs(String tag) {
        int start = at;
        while (at < length && nameChar(in[at], at == start)) {
            at++;
        }
        if (at == start) {
            throw Refused.INSTANCE;
        }
        if (at - start != tag.length()) {
            return false;
        }
        for (int i = start; i < at; i++) {
            char c = in[i];
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != tag.charAt(i - start)) {
                return false;
            }
        }
        return true;
    }

    /** A short string shared within the tree, and with other trees ({@link SharedTokens}; the empty one is every class's). */
    private String token(String s) {
        if (s.isEmpty()) {
            return tokens.unshared("");
        }
        return s.length() > SHARED_TOKEN_LENGTH ? tokens.unshared(s) : tokens.of(s);
    }

    /** Counts a shared token's heap the first time the tree holds it (whitespace dropped between tags never is). */
    private void countOnce(String s) {
        if (!s.isEmpty() && s.length() <= SHARED_TOKEN_LENGTH && tokens.countFirst(s)) {
            heap += TreeHeap.string(s);
        }
    }

    private Map<String, String> attributes() {
        int n = 0;
        boolean spaced = false;
        while (true) {
            int before = at;
            skipWhitespace();
            spaced |= at > before;
            if (at >= length) {
                throw Refused.INSTANCE;
            }
            char c = in[at];
            if (c == '>' || c == '/') {
                return attributeMap(n);
            }
            if (!spaced) {
                throw Refused.INSTANCE; // attributes run together
            }
            String name = name();
            String value = "";
            int afterName = at;
            skipWhitespace();
            if (at('=')) {
                at++;
                skipWhitespace();
                value = value();
                spaced = false;
            } else {
                spaced = at > afterName;
            }
            n = add(n, name, value);
        }
    }

    /** Adds an attribute unless it is there already: a browser keeps the first of a repeated attribute. */
    private int add(int n, String name, String value) {
        for (int i = 0; i < 2 * n; i += 2) {
            if (pairs[i].equals(name)) {
                return n;
            }
        }
        if (2 * n + 2 > pairs.length) {
            pairs = java.util.Arrays.copyOf(pairs, pairs.length * 2);
        }
        pairs[2 * n] = name;
        pairs[2 * n + 1] = value;
        return n + 1;
    }

    private Map<String, String> attributeMap(int n) {
        if (n == 0) {
            return Map.of();
        }
        if (n <= Attributes.MAX_COMPACT) {
            return Attributes.ofPairs(java.util.Arrays.copyOf(pairs, 2 * n));
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < 2 * n; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private String value() {
        if (at >= length) {
            throw Refused.INSTANCE;
        }
        char quote = in[at];
        if (quote == '"' || quote == '\'') {
            int end = indexOf(quote, at + 1);
            if (end < 0) {
                throw Refused.INSTANCE;
            }
            String value = decode(at + 1, end);
            at = end + 1;
            return value;
        }
        int start = at;
        while (at < length) {
            char c = in[at];
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

    /** Whether {@code in[from, to)} is ASCII whitespace only (or empty): text the tree drops, so nothing to decode. */
    private boolean whitespace(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!space(in[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code in[from, to)} with its character references decoded; refused on one outside the simple set, or NUL. */
    private String decode(int from, int to) {
        int amp = -1;
        for (int i = from; i < to; i++) {
            char c = in[i];
            if (c == '\0') {
                throw Refused.INSTANCE;
            }
            if (c == '&' && amp < 0) {
                amp = i;
            }
        }
        if (amp < 0) {
            return from == to ? "" : to - from > SHARED_TOKEN_LENGTH ? new String(in, from, to - from)
                    : tokens.region(in, from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        out.append(in, from, amp - from);
        int i = amp;
        while (i < to) {
            char c = in[i];
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int semi = indexOf(';', i);
            if (semi < 0 || semi >= to || semi - i > 10) {
                throw Refused.INSTANCE;
            }
            out.append(reference(new String(in, i + 1, semi - i - 1)));
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
        while (at < length && space(in[at])) {
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

    /** Not taken by the fast path: the caller parses with jsoup. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Refused INSTANCE = new Refused();

        private Refused() {
            super(null, null, false, false);
        }
    }

    /**
     * This parse's short strings, each once: found by the characters of the input they come from, without making a
     * string of them first (names and values repeat across a list's items), and whether the heap estimate holds each
     * one yet. An open-addressing table; its strings are the {@link SharedTokens} instances.
     */
    private static final class Tokens {
        private String[] keys = new String[64];
        private boolean[] counted = new boolean[64];
        /** Each token's characters, compared with the input's. */
        private char[][] chars = new char[64][];
        /**
         * Each token's element flags ({@link #FLAGS}; 0 for a name that is no element of the fast path's), -1 until
         * asked: only tag names are.
         */
        private int[] flags = new int[64];
        private int size;
        /** The slot of the token the last look-up answered, -1 for a string that is none. */
        private int last = -1;

        /** The element flags of the token {@link #region}, {@link #of} or {@link #unshared} answered last. */
        int lastFlags() {
            if (last < 0) {
                return 0;
            }
            int f = flags[last];
            if (f < 0) {
                Integer known = FLAGS.get(keys[last]);
                f = flags[last] = known == null ? 0 : known;
            }
            return f;
        }

        /** A string that is no token (empty, or too long to share): no element of the fast path's either. */
        String unshared(String s) {
            last = -1;
            return s;
        }

        /** The token equal to {@code in[from, to)} (1 to {@link #SHARED_TOKEN_LENGTH} characters). */
        String region(char[] in, int from, int to) {
            int hash = 0;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + in[i];
            }
            int len = to - from;
            int mask = keys.length - 1;
            for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
                String key = keys[slot];
                if (key == null) {
                    return insert(slot, SharedTokens.of(new String(in, from, len)));
                }
                if (key.length() == len && key.hashCode() == hash && same(in, from, chars[slot])) {
                    last = slot;
                    return key;
                }
            }
        }

        /** The token equal to {@code s}. */
        String of(String s) {
            int slot = slotOf(s);
            if (keys[slot] != null) {
                last = slot;
                return keys[slot];
            }
            return insert(slot, SharedTokens.of(s));
        }

        /** True the first time it is asked for a string equal to {@code s} (made a token if it was not one). */
        boolean countFirst(String s) {
            int slot = slotOf(s);
            if (keys[slot] == null) {
                insert(slot, SharedTokens.of(s));
                slot = slotOf(s); // where it is after the table grew, if it did
            }
            if (counted[slot]) {
                return false;
            }
            counted[slot] = true;
            return true;
        }

        /** The slot holding a string equal to {@code s}, or the empty one where it would go. */
        private int slotOf(String s) {
            int mask = keys.length - 1;
            for (int slot = spread(s.hashCode()) & mask; ; slot = (slot + 1) & mask) {
                String key = keys[slot];
                if (key == null || key.equals(s)) {
                    return slot;
                }
            }
        }

        private String insert(int slot, String token) {
            keys[slot] = token;
            chars[slot] = token.toCharArray();
            flags[slot] = -1;
            last = slot;
            if (++size * 2 > keys.length) {
                grow();
                last = slotOf(token);
            }
            return token;
        }

        private void grow() {
            String[] oldKeys = keys;
            boolean[] oldCounted = counted;
            int[] oldFlags = flags;
            char[][] oldChars = chars;
            keys = new String[oldKeys.length * 2];
            counted = new boolean[oldKeys.length * 2];
            flags = new int[oldKeys.length * 2];
            chars = new char[oldKeys.length * 2][];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int slot = slotOf(oldKeys[i]);
                    keys[slot] = oldKeys[i];
                    counted[slot] = oldCounted[i];
                    flags[slot] = oldFlags[i];
                    chars[slot] = oldChars[i];
                }
            }
        }

        private static boolean same(char[] in, int from, char[] key) {
            for (int i = 0; i < key.length; i++) {
                if (in[from + i] != key[i]) {
                    return false;
                }
            }
            return true;
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }
}
