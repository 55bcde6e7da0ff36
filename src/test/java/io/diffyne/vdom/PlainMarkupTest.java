package io.diffyne.vdom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PlainMarkup}, the fast path of {@link HtmlParser}: whatever it takes, it builds exactly as the HTML5 path
 * (jsoup) does, tree and heap estimate; what needs HTML5's tree-construction rules, it leaves to that path.
 */
class PlainMarkupTest {

    /**
     * Same tree as the HTML5 path, or not taken; and the same heap but for the short names and values the fast path
     * shares within the tree: each distinct one counted once (the empty string never), where the HTML5 path counts
     * every occurrence.
     */
    private static boolean agrees(String html) {
        SizedTree plain = PlainMarkup.parse(html);
        if (plain == null) {
            return false;
        }
        SizedTree html5 = HtmlParser.parseHtml5(html);
        assertEquals(html5.root(), plain.root(), html);
        java.util.Map<String, Integer> occurrences = new java.util.HashMap<>();
        countShortStrings(html5.root(), occurrences);
        long shared = 0;
        for (java.util.Map.Entry<String, Integer> e : occurrences.entrySet()) {
            // the empty string is the JVM's one shared instance: the fast path counts it never, not once
            shared += (e.getKey().isEmpty() ? e.getValue() : e.getValue() - 1) * TreeHeap.string(e.getKey());
        }
        assertEquals(html5.heapBytes() - shared, plain.heapBytes(), html);
        return true;
    }

    /** Tag names, attribute names and values, texts, of at most 12 characters (the fast path's tokens), with their counts. */
    private static void countShortStrings(VElement element, java.util.Map<String, Integer> out) {
        java.util.List<String> strings = new java.util.ArrayList<>();
        strings.add(element.tag());
        element.attributes().forEach((name, value) -> {
            strings.add(name);
            strings.add(value);
        });
        for (String s : strings) {
            if (s.length() <= 12) {
                out.merge(s, 1, Integer::sum);
            }
        }
        for (VNode child : element.children()) {
            if (child instanceof VElement e) {
                countShortStrings(e, out);
            } else if (child instanceof VText t && !t.text().isEmpty() && t.text().length() <= 12) {
                out.merge(t.text(), 1, Integer::sum);
            }
        }
    }

    @Test
    void everyDiffCaseParsesAsTheHtml5PathDoesAndMostTakeTheFastPath() throws IOException, URISyntaxException {
        Path root = Path.of(PlainMarkupTest.class.getResource("/diff-cases").toURI());
        List<Path> files;
        try (Stream<Path> all = Files.walk(root)) {
            files = all.filter(p -> p.toString().endsWith(".html")).toList();
        }
        long fast = files.stream().filter(p -> {
            try {
                return agrees(Files.readString(p, StandardCharsets.UTF_8).replace("\r\n", "\n"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).count();
        assertTrue(fast >= files.size() / 2, fast + " of " + files.size() + " took the fast path");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<div class=\"a\" id=b data-x='c' disabled><span>1 &amp; 2 &lt;3&gt; &quot;q&quot; &apos;&nbsp;&#65;&#x42;</span></div>",
        "  <ul>\n  <li diff:key=\"7\">Milk</li>\n  <li>Eggs <b>now</b></li>\n</ul>\n",
        "<form diff:submit=\"save\"><input type=\"text\" value=\"x\" disabled checked><br/><button>Go</button></form>",
        "<DIV CLASS=\"Up\" Title=x><P>text <A HREF=\"#\">link</A></P></DIV>",
        "<div class=\"a\" class=\"b\" a = \"1\"><img src=x.png alt=\"\"><hr></div>",
        "<li><ul><li>nested</li></ul></li>",
        "<div><h1>t</h1><h2><span>s</span></h2><p>one</p><p>two</p></div>",
        "<section><input value=a/></section>",
    })
    void plainMarkupTakesTheFastPath(String html) {
        assertTrue(agrees(html), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p><div>block in p</div></p>", "<li>a<li>b</li></li>", "<li><div><li>x</li></div></li>", "<a><a>x</a></a>",
        "<h1><h2>x</h2></h1>", "<button><button>x</button></button>", "<form><form></form></form>",
        "<div/>", "<div><span></div>", "<div>a &copy b</div>", "<div>a & b</div>", "<div title=\"&copy\"></div>",
        "<div><!-- c --></div>", "<table><tr><td>x</td></tr></table>", "<div><svg></svg></div>",
        "<textarea>\nx</textarea>", "<div><pre>\nx</pre></div>", "<div><script>x</script></div>", "<p>",
        "<div></div><div></div>", "<div></div> text", "text", "<div a=\"1\"b=\"2\"></div>", "<div a=b\"c></div>",
        "<div>&#0;</div>", "<div>&#128;</div>", "<div>&#x;</div>", "<div>\0</div>", "<div><br></br></div>",
        "<div>< b</div>", "<div>x</div >", "<custom-el></custom-el>", "<div><noscript><b>x</b></noscript></div>",
    })
    void markupNeedingHtml5RulesIsLeftToTheHtml5Path(String html) {
        if (html.equals("<div>x</div >")) {
            assertNotNull(PlainMarkup.parse(html)); // whitespace before an end tag's '>' is plain
            return;
        }
        assertNull(PlainMarkup.parse(html), html);
    }

    private static final String[] TAGS = {"div", "span", "p", "li", "ul", "a", "b", "h1", "h2", "button", "form",
        "input", "br", "img", "label", "section", "em", "table", "td", "select", "option", "textarea", "x-y"};
    private static final String[] TEXTS = {"a", " ", "\n  ", "x &amp; y", "&lt;p&gt;", "&nbsp;", "&#233;", "&#x1F600;",
        "1 > 0", "&copy;", "& ", "\"q\" 'a'", "日本", "\t"};
    private static final String[] ATTRIBUTES = {"class", "CLASS", "title", "data-v", "diff:key", "value", "disabled",
        "x.y", "@on"};
    private static final String[] VALUES = {"=\"a\"", "='b c'", "=d", "", "=\"&amp;&quot;\"", " = \"e\"", "=\"<>\"",
        "=f/"};

    /** Random markup, plain or not: what the fast path takes must be what the HTML5 path builds. */
    @Property(tries = 3000)
    void whatTheFastPathTakesTheHtml5PathBuildsTheSame(@ForAll long seed) {
        Random random = new Random(seed);
        StringBuilder html = new StringBuilder(random.nextBoolean() ? "" : " \n");
        element(random, 0, html);
        try {
            agrees(html.toString());
        } catch (MarkupException e) {
            // the HTML5 path refuses it (no single root): then the fast path must not have taken it either
            assertNull(PlainMarkup.parse(html.toString()), html::toString);
        }
    }

    private static void element(Random random, int depth, StringBuilder out) {
        String tag = TAGS[random.nextInt(depth == 0 ? 6 : TAGS.length)];
        out.append('<').append(tag);
        for (int i = random.nextInt(3); i > 0; i--) {
            out.append(' ').append(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)])
                    .append(VALUES[random.nextInt(VALUES.length)]);
        }
        boolean isVoid = tag.equals("input") || tag.equals("br") || tag.equals("img");
        out.append(isVoid && random.nextBoolean() ? " />" : ">");
        if (isVoid) {
            return;
        }
        int children = depth < 4 ? random.nextInt(4) : 0;
        for (int i = 0; i < children; i++) {
            if (random.nextInt(3) == 0) {
                out.append(TEXTS[random.nextInt(TEXTS.length)]);
            } else {
                element(random, depth + 1, out);
            }
        }
        out.append("</").append(tag).append('>');
    }
}
