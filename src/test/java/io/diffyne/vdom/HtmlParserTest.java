package io.diffyne.vdom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlParserTest {

    @Test
    void buildsTheTreeWithAttributesInSourceOrder() {
        VElement tree = HtmlParser.parse("<ul class=\"todo\" id=\"l\">\n  <li diff:key=\"7\" class=\"done\">Milk</li>\n</ul>");

        assertEquals(new VElement("ul", attrs("class", "todo", "id", "l"),
                List.of(new VElement("li", attrs("diff:key", "7", "class", "done"), List.of(new VText("Milk"))))), tree);
        assertEquals(List.of("class", "id"), List.copyOf(tree.attributes().keySet()));
        assertEquals("7", tree.children().get(0).key());
        assertEquals(null, tree.key());
    }

    @Test
    void lowerCasesTagsAndAttributeNamesAndKeepsTheFirstOfDuplicates() {
        assertEquals(new VElement("div", attrs("class", "a", "data-x", ""), List.of(new VText("x"))),
                HtmlParser.parse("<DIV Class=a CLASS=b DATA-X>x</DIV>"));
    }

    @Test
    void dropsTextMadeOnlyOfAsciiWhitespaceButKeepsNbsp() {
        VElement tree = HtmlParser.parse("<div> \t\n\f<b>a</b>\r\n \u00a0 <i>b</i> x </div>");

        assertEquals(List.of(new VElement("b", List.of(new VText("a"))), new VText("\n \u00a0 "),
                new VElement("i", List.of(new VText("b"))), new VText(" x ")), tree.children());
        assertEquals(new VText("\u00a0"), HtmlParser.parse("<p>&nbsp;</p>").children().get(0));
    }

    @Test
    void decodesEntitiesAndNormalizesNewlinesLikeABrowser() {
        assertEquals(new VElement("p", attrs("title", "a\"b&c"), List.of(new VText("1 < 2 & \n3 © ✓"))),
                HtmlParser.parse("<p title=\"a&quot;b&amp;c\">1 &lt; 2 &amp; \r\n3 &copy; &#x2713;</p>"));
    }

    @Test
    void scriptAndStyleContentsAreText() {
        VElement tree = HtmlParser.parse("<div><script>if (a < b && c) { x = '<p>'; }</script><style>a > b {}</style></div>");

        assertEquals(List.of(new VElement("script", List.of(new VText("if (a < b && c) { x = '<p>'; }"))),
                new VElement("style", List.of(new VText("a > b {}")))), tree.children());
    }

    @Test
    void noscriptContentsAreTextAsInABrowserThatRunsScripts() {
        assertEquals(new VElement("noscript", List.of(new VText("<p>enable JS</p>"))),
                HtmlParser.parse("<div><noscript><p>enable JS</p></noscript></div>").children().get(0));
    }

    @Test
    void commentsAreChildren() {
        assertEquals(List.of(new VComment(" a "), new VElement("b"), new VComment("")),
                HtmlParser.parse("<div><!-- a --><b></b><!----></div>").children());
    }

    @Test
    void theParserRepairsMarkupAsBrowsersDo() {
        assertEquals(List.of(new VElement("p", List.of(new VText("one"))), new VElement("div", List.of(new VText("two"))),
                new VElement("p")), HtmlParser.parse("<section><p>one<div>two</div></p></section>").children());
        assertEquals(new VElement("table", List.of(new VElement("tbody", List.of(new VElement("tr",
                List.of(new VElement("td", List.of(new VText("1"))))))))), HtmlParser.parse("<table><tr><td>1</table>"));
        assertEquals(List.of(new VElement("li", List.of(new VText("a"))), new VElement("li", List.of(new VText("b")))),
                HtmlParser.parse("<ul><li>a<li>b</ul>").children());
    }

    @Test
    void textInsideATableIsMovedBeforeItAsBrowsersDo() {
        VElement tree = HtmlParser.parse("<div>a<table>b<tr><td>c</td>d</tr></table>e</div>");

        assertEquals(List.of(new VText("abd"), new VElement("table", List.of(new VElement("tbody", List.of(
                new VElement("tr", List.of(new VElement("td", List.of(new VText("c"))))))))), new VText("e")),
                tree.children());
    }

    @Test
    void adjacentTextIsMergedIntoOneNode() {
        assertEquals(List.of(new VText("ab")), HtmlParser.parse("<div>a</tr>b</div>").children());
    }

    @Test
    void svgKeepsTheCaseBrowsersGiveIt() {
        VElement svg = HtmlParser.parse("<svg VIEWBOX=\"0 0 1 1\"><lineargradient gradientunits=\"u\"/><foreignObject>"
                + "<DIV>x</DIV></foreignObject></svg>");

        assertEquals(new VElement("svg", attrs("viewBox", "0 0 1 1"), List.of(
                new VElement("linearGradient", attrs("gradientUnits", "u"), List.of()),
                new VElement("foreignObject", List.of(new VElement("div", List.of(new VText("x"))))))), svg);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<tr><td>1</td></tr>|tr",
        "<td>1</td>|td",
        "<th>1</th>|th",
        "<tbody><tr><td>1</td></tr></tbody>|tbody",
        "<thead><tr><th>1</th></tr></thead>|thead",
        "<tfoot><tr><td>1</td></tr></tfoot>|tfoot",
        "<caption>c</caption>|caption",
        "<colgroup><col></colgroup>|colgroup",
        "<col span=\"2\">|col",
        "<li>1</li>|li",
        "<option value=\"1\">1</option>|option",
        "<optgroup label=\"g\"><option>1</option></optgroup>|optgroup",
        "<dd>1</dd>|dd",
        "  <TR><td>1</td></TR>  |tr"
    })
    void rootsThatNeedAContextSurvive(String html, String tag) {
        assertEquals(tag, HtmlParser.parse(html).tag());
    }

    @Test
    void aTableRowRootKeepsItsCells() {
        assertEquals(new VElement("tr", attrs("class", "x"), List.of(new VElement("td", List.of(new VText("1"))),
                new VElement("td", List.of(new VText("2"))))), HtmlParser.parse("\n<tr class=\"x\">\n<td>1</td><td>2</td></tr>\n"));
    }

    @Test
    void textareaDropsOneLeadingNewlineLikeBrowsers() {
        assertEquals(List.of(new VText("\nabc")), HtmlParser.parse("<textarea>\n\nabc</textarea>").children());
        assertEquals(List.of(new VText("abc")), HtmlParser.parse("<pre>\nabc</pre>").children());
    }

    @Test
    void refusesMoreThanOneRoot() {
        assertEquals("A component template must render exactly one root element, but next to <div> it rendered "
                + "another element <p>, text \"tail\". Move everything inside the root element.",
                assertThrows(MarkupException.class, () -> HtmlParser.parse("<div></div><p></p> tail ")).getMessage());
    }

    @Test
    void refusesACommentBesideTheRoot() {
        assertEquals("A component template must render exactly one root element, but next to <div> it rendered "
                + "a comment <!-- if -->. Move everything inside the root element.",
                assertThrows(MarkupException.class, () -> HtmlParser.parse("<!-- if --><div></div>")).getMessage());
    }

    @Test
    void refusesNoRoot() {
        assertEquals("A component template must render exactly one root element, but it rendered nothing. "
                + "Wrap the output in one element, and render that element unconditionally.",
                assertThrows(MarkupException.class, () -> HtmlParser.parse(" \n ")).getMessage());
        assertEquals("A component template must render exactly one root element, but it rendered no element, only "
                + "text \"Hello\". Wrap the output in one element, and render that element unconditionally.",
                assertThrows(MarkupException.class, () -> HtmlParser.parse("Hello")).getMessage());
    }

    @Test
    void refusesDocumentLevelRoots() {
        assertEquals("A component template cannot render <body> as its root: render an element that goes inside "
                + "the page's body, such as a <div>.",
                assertThrows(MarkupException.class, () -> HtmlParser.parse("<body><p>x</p></body>")).getMessage());
    }

    @Test
    void refusesTextThatABrowserWouldMoveOutOfATableRoot() {
        assertEquals("Text \"x\" sits directly inside <tr>, where browsers move it out of the table (and so out of "
                + "the component). Put it inside a <td> or <th>.",
                assertThrows(MarkupException.class, () -> HtmlParser.parse("<tr> x <td>1</td></tr>")).getMessage());
    }

    @Test
    void refusesNestingDeeperThanBrowsersKeep() {
        String deep = "<div>".repeat(HtmlParser.MAX_DEPTH + 1);

        assertThrows(MarkupException.class, () -> HtmlParser.parse(deep));
        assertEquals("div", HtmlParser.parse("<div>".repeat(HtmlParser.MAX_DEPTH)).tag());
    }

    @Test
    void ignoresALeadingByteOrderMark() {
        assertEquals(new VElement("div"), HtmlParser.parse("\uFEFF<div></div>\n"));
    }

    @Test
    void asciiWhitespaceIsExactlyTheFiveCharacters() {
        assertEquals(true, HtmlParser.isAsciiWhitespace(" \t\n\r\f"));
        assertEquals(false, HtmlParser.isAsciiWhitespace("\u00a0"));
        assertEquals(false, HtmlParser.isAsciiWhitespace("\u000b"));
        assertEquals(false, HtmlParser.isAsciiWhitespace("\u2003"));
    }

    static Map<String, String> attrs(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
