package io.diffyne.vdom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Turns a component template's rendered HTML into a {@link VElement} tree, the way a browser would: jsoup's HTML5
 * fragment parsing (so {@code <p>} nesting, implied end tags and {@code tbody} come out as in the DOM), lower-case
 * HTML names, SVG names in their DOM case, {@code script}/{@code style} contents as text. Children follow protocol.md
 * section 5: text nodes made only of ASCII whitespace (space, tab, LF, CR, FF) are dropped; {@code &nbsp;} is not
 * whitespace.
 *
 * <p>Example: {@code <ul class="todo">\n  <li diff:key="7">Milk</li>\n</ul>} gives
 * {@code VElement("ul", {class=todo}, [VElement("li", {diff:key=7}, [VText("Milk")])])}.
 *
 * <p>Thread-safe and stateless; runs on every request: markup whose tree is its plain nesting (what templates
 * render nearly always) takes {@link PlainMarkup}'s single pass, anything else one jsoup pass plus one tree copy.
 */
public final class HtmlParser {

    /** Browsers stop nesting at 512 elements; a deeper template is a bug, and a deep tree would strain recursion. */
    public static final int MAX_DEPTH = 512;

    private static final int SNIPPET_LENGTH = 40;

    /** Elements whose direct text a browser moves out to just before the enclosing table. */
    private static final Set<String> FOSTERING_PARENTS = Set.of("table", "tbody", "thead", "tfoot", "tr");

    private HtmlParser() {
    }

    /**
     * Parses rendered HTML that holds exactly one root element, optionally surrounded by whitespace.
     *
     * @throws MarkupException when there is no root element, more than one, any other top-level text or comment,
     *     a document-level root ({@code <html>}, {@code <head>}, {@code <body>}), or nesting beyond {@link #MAX_DEPTH}
     */
    public static VElement parse(String html) {
        return parseSized(html).root();
    }

    /**
     * As {@link #parse}, with an estimate of the heap the tree holds, added up while it is built (no second walk).
     *
     * @throws MarkupException as {@link #parse}
     */
    public static SizedTree parseSized(String html) {
        // HTML5 input preprocessing: browsers never see CR, so neither may the tree the diff runs on.
        String input = html.indexOf('\r') < 0 ? html : html.replace("\r\n", "\n").replace('\r', '\n');
        if (input.startsWith("\uFEFF")) {
            input = input.substring(1); // a template file's byte order mark is not content
        }
        SizedTree plain = PlainMarkup.parse(input);
        return plain != null ? plain : parseHtml5(input);
    }

    /** The full HTML5 path (jsoup) for {@code input}, CR and BOM removed: what {@link PlainMarkup} must equal. */
    static SizedTree parseHtml5(String input) {
        String rootTag = firstTagName(input);
        List<Node> nodes = Parser.parseFragment(input, new Element(contextFor(rootTag)), "");
        long[] heap = {0};
        VElement root = convertRoot(nodes, heap);
        return new SizedTree(root, heap[0]);
    }

    /**
     * The fragment-parsing context a root needs to survive: table parts are dropped by the HTML5 parser outside a
     * table, exactly as the browser's own parser would drop them, so a {@code <tr>} root is parsed inside a
     * {@code tbody}, a {@code <td>} inside a {@code tr}, and so on. Everything else parses in a {@code body}.
     */
    static String contextFor(String rootTag) {
        if (rootTag == null) {
            return "body";
        }
        return switch (rootTag) {
            case "tr" -> "tbody";
            case "td", "th" -> "tr";
            case "tbody", "thead", "tfoot", "caption", "colgroup" -> "table";
            case "col" -> "colgroup";
            case "html", "head", "body", "frameset" -> throw new MarkupException("A component template cannot render <"
                    + rootTag + "> as its root: render an element that goes inside the page's body, such as a <div>.");
            default -> "body";
        };
    }

    /** The lower-cased name of the first start tag, when the input begins (after whitespace) with one. */
    static String firstTagName(String input) {
        int i = 0;
        int length = input.length();
        while (i < length && isAsciiWhitespace(input.charAt(i))) {
            i++;
        }
        if (i + 1 >= length || input.charAt(i) != '<' || !isAsciiLetter(input.charAt(i + 1))) {
            return null;
        }
        int start = ++i;
        while (i < length) {
            char c = input.charAt(i);
            if (isAsciiWhitespace(c) || c == '/' || c == '>') {
                break;
            }
            i++;
        }
        return input.substring(start, i).toLowerCase(Locale.ROOT);
    }

    private static VElement convertRoot(List<Node> nodes, long[] heap) {
        Element root = null;
        List<String> strays = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof Element element) {
                if (root == null) {
                    root = element;
                } else {
                    strays.add("another element <" + element.tagName() + ">");
                }
            } else if (node instanceof TextNode text) {
                if (!isAsciiWhitespace(text.getWholeText())) {
                    strays.add("text \"" + snippet(text.getWholeText().strip()) + "\"");
                }
            } else if (node instanceof Comment comment) {
                strays.add("a comment <!--" + snippet(comment.getData()) + "-->");
            } else if (node instanceof DataNode data) {
                strays.add("text \"" + snippet(data.getWholeData().strip()) + "\"");
            }
        }
        if (root == null) {
            throw new MarkupException("A component template must render exactly one root element, but it rendered "
                    + (strays.isEmpty() ? "nothing" : "no element, only " + String.join(", ", strays))
                    + ". Wrap the output in one element, and render that element unconditionally.");
        }
        if (!strays.isEmpty()) {
            throw new MarkupException("A component template must render exactly one root element, but next to <"
                    + root.tagName() + "> it rendered " + String.join(", ", strays)
                    + ". Move everything inside the root element.");
        }
        StringBuilder fostered = FOSTERING_PARENTS.contains(root.normalName()) ? new StringBuilder() : null;
        VElement tree = convertElement(root, 1, fostered, heap);
        if (fostered != null && fostered.length() > 0) {
            throw new MarkupException("Text \"" + snippet(fostered.toString().strip()) + "\" sits directly inside <"
                    + root.tagName() + ">, where browsers move it out of the table (and so out of the component). "
                    + "Put it inside a <td> or <th>.");
        }
        return tree;
    }

    /**
     * Converts one element. {@code fostered} is non-null for {@code table}, {@code tbody}, {@code thead},
     * {@code tfoot} and {@code tr}: text directly inside them is collected there, because a browser's parser
     * "foster-parents" such text to just before the table, and jsoup does so for elements but not for text.
     * {@code heap[0]} collects the estimated heap of every node built ({@link TreeHeap}).
     */
    private static VElement convertElement(Element element, int depth, StringBuilder fostered, long[] heap) {
        if (depth > MAX_DEPTH) {
            throw new MarkupException("The rendered HTML nests elements more than " + MAX_DEPTH
                    + " deep (at <" + element.tagName() + ">); browsers flatten such trees, so Diffyne refuses them.");
        }
        String namespace = element.tag().namespace();
        boolean foreign = ForeignNames.isForeign(namespace);
        String tag = foreign ? ForeignNames.tag(namespace, element.tagName()) : element.tagName();
        Map<String, String> attributes;
        if (element.attributesSize() == 0) {
            attributes = Map.of();
        } else {
            attributes = new LinkedHashMap<>();
            for (Attribute attribute : element.attributes()) {
                String name = foreign ? ForeignNames.attribute(namespace, attribute.getKey()) : attribute.getKey();
                attributes.putIfAbsent(name, attribute.getValue());
            }
        }
        if (element.normalName().equals("noscript")) {
            return built(new VElement(tag, attributes, noscriptContent(element, heap)), heap);
        }
        List<VNode> children = new ArrayList<>(element.childNodeSize());
        StringBuilder pendingText = null;
        for (Node child : element.childNodes()) {
            String text = textOf(child);
            if (text != null && fostered != null) {
                if (!isAsciiWhitespace(text)) {
                    fostered.append(text);
                }
                continue;
            }
            if (text != null) {
                // The DOM merges adjacent character data into one text node; jsoup may leave it split.
                if (pendingText == null) {
                    pendingText = new StringBuilder(text);
                } else {
                    pendingText.append(text);
                }
                continue;
            }
            if (child instanceof Element childElement) {
                String name = childElement.normalName();
                StringBuilder childFostered = name.equals("table") ? new StringBuilder()
                        : fostered != null && FOSTERING_PARENTS.contains(name) ? fostered : null;
                VElement converted = convertElement(childElement, depth + 1, childFostered, heap);
                if (name.equals("table") && childFostered.length() > 0) {
                    pendingText = pendingText == null ? childFostered : pendingText.append(childFostered);
                }
                flushText(pendingText, children, heap);
                pendingText = null;
                children.add(converted);
                continue;
            }
            flushText(pendingText, children, heap);
            pendingText = null;
            if (child instanceof Comment comment) {
                children.add(new VComment(comment.getData()));
                heap[0] += TreeHeap.leaf(comment.getData());
            }
            // Anything else (a stray doctype or XML declaration) has no DOM node in an element: skipped like the DOM.
        }
        flushText(pendingText, children, heap);
        if (element.normalName().equals("textarea") && !children.isEmpty()
                && children.get(0) instanceof VText first && first.text().startsWith("\n")) {
            // HTML5 drops one newline right after <textarea>; jsoup keeps it (it does drop it for <pre>).
            String rest = first.text().substring(1);
            heap[0] -= TreeHeap.leaf(first.text());
            if (rest.isEmpty() || isAsciiWhitespace(rest)) {
                children.remove(0);
            } else {
                children.set(0, new VText(rest));
                heap[0] += TreeHeap.leaf(rest);
            }
        }
        return built(new VElement(tag, attributes, children), heap);
    }

    private static VElement built(VElement element, long[] heap) {
        heap[0] += TreeHeap.element(element.tag(), element.attributes(), element.children());
        return element;
    }

    /**
     * Browsers run scripts, so they parse {@code <noscript>} contents as raw text: one text child holding the
     * markup. jsoup parses it as elements; written back without pretty-printing, it becomes that text again.
     */
    private static List<VNode> noscriptContent(Element element, long[] heap) {
        if (element.ownerDocument() != null) {
            element.ownerDocument().outputSettings().prettyPrint(false);
        }
        String markup = element.html();
        if (isAsciiWhitespace(markup)) {
            return List.of();
        }
        heap[0] += TreeHeap.leaf(markup);
        return List.of(new VText(markup));
    }

    private static String textOf(Node node) {
        if (node instanceof TextNode text) {
            return text.getWholeText();
        }
        if (node instanceof DataNode data) {
            return data.getWholeData();
        }
        return null;
    }

    private static void flushText(StringBuilder text, List<VNode> children, long[] heap) {
        if (text != null && !isAsciiWhitespace(text)) {
            String value = text.toString();
            children.add(new VText(value));
            heap[0] += TreeHeap.leaf(value);
        }
    }

    /** True for text made only of the ASCII whitespace of protocol.md section 5 (and for empty text). */
    public static boolean isAsciiWhitespace(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (!isAsciiWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String snippet(String text) {
        return text.length() <= SNIPPET_LENGTH ? text : text.substring(0, SNIPPET_LENGTH) + "…";
    }
}
