package io.diffyne.vdom;

import static io.diffyne.vdom.HtmlParserTest.attrs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlWriterTest {

    @Test
    void escapesTextAndAttributeValues() {
        VElement p = new VElement("p", attrs("title", "a \"b\" & <c> \u00a0'"), List.of(new VText("1 < 2 & 3 > \u00a0 \"q\" 'x'")));

        assertEquals("<p title=\"a &quot;b&quot; &amp; &lt;c&gt; &nbsp;'\">1 &lt; 2 &amp; 3 &gt; &nbsp; \"q\" 'x'</p>",
                p.toHtml());
    }

    @Test
    void writesVoidElementsWithoutEndTagsAndBooleanAttributesAsEmpty() {
        VElement form = new VElement("form", List.of(new VElement("input", attrs("type", "checkbox", "checked", ""),
                List.of()), new VElement("br"), new VElement("img", attrs("src", "a.png"), List.of())));

        assertEquals("<form><input type=\"checkbox\" checked=\"\"><br><img src=\"a.png\"></form>", form.toHtml());
    }

    @Test
    void writesScriptAndStyleTextRaw() {
        VElement div = new VElement("div", List.of(new VElement("script", List.of(new VText("if (a < b && c) {}"))),
                new VElement("style", List.of(new VText("a > b { content: \"&\" }")))));

        assertEquals("<div><script>if (a < b && c) {}</script><style>a > b { content: \"&\" }</style></div>",
                div.toHtml());
    }

    @Test
    void rawTextCannotCloseItsElementEarly() {
        VElement script = new VElement("script", List.of(new VText("x = '</SCRIPT><img src=x>'; y = '</p>'")));

        assertEquals("<script>x = '<\\/SCRIPT><img src=x>'; y = '</p>'</script>", script.toHtml());
        assertEquals(List.of(new VElement("script", List.of(new VText("x = '<\\/SCRIPT><img src=x>'; y = '</p>'")))),
                HtmlParser.parse("<div>" + script.toHtml() + "</div>").children());
    }

    @Test
    void writesCommentsAndDefusesATerminatorInside() {
        assertEquals("<div><!-- note --><!--a-- >b--></div>",
                new VElement("div", List.of(new VComment(" note "), new VComment("a-->b"))).toHtml());
    }

    @Test
    void addsExtraAttributesToTheRootOnlyAndLetsThemWin() {
        VElement root = new VElement("div", attrs("class", "c", "diff:id", "template"),
                List.of(new VElement("span", attrs("class", "inner"), List.of())));

        assertEquals("<div class=\"c\" diff:id=\"q3Xv9Tz0bA1c\" diff:component=\"counter\" "
                + "diff:snapshot=\"{&quot;v&quot;:1}\"><span class=\"inner\"></span></div>",
                root.toHtml(new java.util.LinkedHashMap<>(attrs("diff:id", "q3Xv9Tz0bA1c", "diff:component", "counter",
                        "diff:snapshot", "{\"v\":1}"))));
    }

    @Test
    void keepsTheNewlineThatTextareaAndPreWouldEat() {
        VElement textarea = new VElement("textarea", List.of(new VText("\nfirst line")));

        assertEquals("<textarea>\n\nfirst line</textarea>", textarea.toHtml());
        assertEquals(textarea, HtmlParser.parse(textarea.toHtml()));
    }

    @Test
    void refusesNamesThatWouldBreakTheMarkup() {
        VElement bad = new VElement("div", attrs("onclick=\"x\" a", "1"), List.of());

        assertEquals("Invalid attribute name for HTML: \"onclick=\"x\" a\"",
                assertThrows(IllegalArgumentException.class, bad::toHtml).getMessage());
    }

    static Stream<Path> caseFiles() throws IOException, URISyntaxException {
        Path root = Path.of(HtmlWriterTest.class.getResource("/diff-cases").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseFiles")
    void everySharedCaseSurvivesAWriteAndAParse(Path file) throws IOException {
        VElement tree = HtmlParser.parse(Files.readString(file));

        assertEquals(tree, HtmlParser.parse(tree.toHtml()));
    }
}
