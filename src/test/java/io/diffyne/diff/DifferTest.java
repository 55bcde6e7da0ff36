package io.diffyne.diff;

import io.diffyne.testing.wire.PatchApplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.diffyne.protocol.PatchWriter;
import io.diffyne.vdom.HtmlParser;
import io.diffyne.vdom.VComment;
import io.diffyne.vdom.VElement;
import io.diffyne.vdom.VNode;
import io.diffyne.vdom.VText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DifferTest {

    @Test
    void counterChangeIsOneTextPatch() {
        assertDiff("<div><span>2</span><button diff:click=\"increment\">+</button></div>",
                "<div><span>3</span><button diff:click=\"increment\">+</button></div>",
                "[{\"t\":\"t\",\"p\":[0,0],\"x\":\"3\"}]");
    }

    @Test
    void equalTreesGiveNoPatches() {
        VElement tree = HtmlParser.parse("<ul><li diff:key=\"1\">a</li><li>b</li><!--c--></ul>");
        VElement copy = HtmlParser.parse("<ul> <li diff:key=\"1\">a</li> <li>b</li> <!--c--> </ul>");

        assertEquals(List.of(), Differ.diff(tree, copy));
    }

    @Test
    void appendingOneItemToAHundredItemKeyedListIsOneCreate() {
        assertEquals("[{\"t\":\"c\",\"p\":[100],\"n\":{\"t\":\"li\",\"a\":{\"diff:key\":\"k100\"},"
                + "\"c\":[{\"x\":\"item 100\"}]}}]", json(Differ.diff(keyedList(0, 100), keyedList(0, 101))));
    }

    @Test
    void prependingOneItemToAHundredItemKeyedListIsOneCreateAtTheHead() {
        assertEquals("[{\"t\":\"c\",\"p\":[0],\"n\":{\"t\":\"li\",\"a\":{\"diff:key\":\"k0\"},"
                + "\"c\":[{\"x\":\"item 0\"}]}}]", json(Differ.diff(keyedList(1, 101), keyedList(0, 101))));
    }

    @Test
    void removingTheFirstOfAHundredKeyedItemsIsOneRemove() {
        assertEquals("[{\"t\":\"r\",\"p\":[0]}]", json(Differ.diff(keyedList(0, 100), keyedList(1, 100))));
    }

    @Test
    void movingTheLastKeyedItemToTheFrontIsOneStep() {
        List<VNode> items = new ArrayList<>(keyedList(0, 100).children());
        items.add(0, items.remove(99));

        assertEquals("[{\"t\":\"o\",\"p\":[],\"m\":[[99,0]]}]",
                json(Differ.diff(keyedList(0, 100), new VElement("ul", items))));
    }

    @Test
    void reversingAKeyedListMovesAllButOne() {
        List<VNode> items = new ArrayList<>(keyedList(0, 100).children());
        Collections.reverse(items);
        VElement reversed = new VElement("ul", items);

        List<Patch> patches = Differ.diff(keyedList(0, 100), reversed);

        assertEquals(1, patches.size());
        assertEquals(99, ((Patch.Move) patches.get(0)).moves().size());
        assertEquals(reversed, PatchApplier.apply(patches, keyedList(0, 100)));
    }

    @Test
    void aNestedChangeAfterAKeyedInsertAddressesTheLiveTree() {
        // The PHP original sorted patches deepest first, so the text change ran before the insert and was lost.
        assertDiff("<ul><li diff:key=\"a\">A</li><li diff:key=\"b\">B</li></ul>",
                "<ul><li diff:key=\"new\">N</li><li diff:key=\"a\">A</li><li diff:key=\"b\">B2</li></ul>",
                "[{\"t\":\"c\",\"p\":[0],\"n\":{\"t\":\"li\",\"a\":{\"diff:key\":\"new\"},\"c\":[{\"x\":\"N\"}]}},"
                        + "{\"t\":\"t\",\"p\":[2,0],\"x\":\"B2\"}]");
    }

    @Test
    void unkeyedSiblingsOfAKeyedListAreNeitherDuplicatedNorLost() {
        String html = "<ul><li>head</li><li diff:key=\"a\">a</li><li>mid</li><li diff:key=\"b\">b</li></ul>";

        assertDiff(html, html, "[]");
        assertDiff(html, "<ul><li>head</li><li diff:key=\"b\">b</li><li>mid</li></ul>",
                "[{\"t\":\"r\",\"p\":[1]},{\"t\":\"o\",\"p\":[],\"m\":[[2,1]]}]");
    }

    @Test
    void aTagChangeAtTheRootReplacesTheRoot() {
        assertDiff("<div><p>x</p></div>", "<section><p>x</p></section>",
                "[{\"t\":\"R\",\"p\":[],\"n\":{\"t\":\"section\",\"c\":[{\"t\":\"p\",\"c\":[{\"x\":\"x\"}]}]}}]");
    }

    @Test
    void attributePatchNamesOnlyChangedAndRemovedAttributes() {
        assertDiff("<input type=\"text\" name=\"q\" value=\"a\" disabled>", "<input type=\"text\" name=\"q\" value=\"b\">",
                "[{\"t\":\"a\",\"p\":[],\"s\":{\"value\":\"b\"},\"r\":[\"disabled\"]}]");
    }

    @Test
    void commentsAreComparedAndReplacedAcrossKinds() {
        VElement from = new VElement("div", List.of(new VComment("a"), new VText("t"), new VComment("c")));
        VElement to = new VElement("div", List.of(new VComment("b"), new VComment("t"), new VComment("c")));

        assertEquals("[{\"t\":\"t\",\"p\":[0],\"x\":\"b\"},{\"t\":\"R\",\"p\":[1],\"n\":{\"m\":\"t\"}}]",
                json(Differ.diff(from, to)));
    }

    @Test
    void textRootsAndMixedKindsAreReplaced() {
        assertEquals(List.of(new Patch.Replace(List.of(), new VText("b"))),
                Differ.diff(new VElement("p"), new VText("b")));
        assertEquals(List.of(new Patch.Text(List.of(), "b")), Differ.diff(new VText("a"), new VText("b")));
    }

    @Test
    void duplicateKeysAreToleratedWithoutLosingNodes() {
        VElement from = HtmlParser.parse("<ul><li diff:key=\"x\">1</li><li diff:key=\"x\">2</li></ul>");
        VElement to = HtmlParser.parse(
                "<ul><li diff:key=\"x\">2</li><li diff:key=\"y\">3</li><li diff:key=\"x\">1</li><li diff:key=\"x\">0</li></ul>");

        assertEquals(to, PatchApplier.apply(Differ.diff(from, to), from));
    }

    @Test
    void aSameKeyWithAnotherTagIsMovedThenReplaced() {
        assertDiff("<div><p diff:key=\"x\">x</p><p diff:key=\"y\">y</p></div>",
                "<div><p diff:key=\"y\">y</p><h2 diff:key=\"x\">x</h2></div>",
                "[{\"t\":\"o\",\"p\":[],\"m\":[[1,0]]},"
                        + "{\"t\":\"R\",\"p\":[1],\"n\":{\"t\":\"h2\",\"a\":{\"diff:key\":\"x\"},\"c\":[{\"x\":\"x\"}]}}]");
    }

    @Test
    void differentTaggedUnkeyedSiblingsPairByTagNotByIndex() {
        assertDiff("<div><h2>T</h2><form><input name=\"e\"></form></div>",
                "<div><h2>T</h2><p>bad</p><form><input name=\"e\"></form></div>",
                "[{\"t\":\"c\",\"p\":[1],\"n\":{\"t\":\"p\",\"c\":[{\"x\":\"bad\"}]}}]");
        assertDiff("<div><h2>T</h2><p>bad</p><form><input name=\"e\"></form></div>",
                "<div><h2>T</h2><form><input name=\"e\"></form></div>",
                "[{\"t\":\"r\",\"p\":[1]}]");
    }

    @Test
    void veryLongUnkeyedListsStillDiffIndexWise() {
        List<VNode> from = new ArrayList<>();
        List<VNode> to = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            from.add(i % 2 == 0 ? new VElement("p", List.of(new VText("p" + i))) : new VText("t" + i));
            to.add(i % 2 == 0 ? new VText("t" + i) : new VElement("p", List.of(new VText("p" + i))));
        }
        to.add(0, new VComment("start"));
        VElement a = new VElement("div", from);
        VElement b = new VElement("div", to);

        assertEquals(b, PatchApplier.apply(Differ.diff(a, b), a));
    }

    private static VElement keyedList(int from, int to) {
        List<VNode> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
            items.add(new VElement("li", Map.of("diff:key", "k" + i), List.of(new VText("item " + i))));
        }
        return new VElement("ul", items);
    }

    private static void assertDiff(String fromHtml, String toHtml, String expectedJson) {
        VElement from = HtmlParser.parse(fromHtml);
        VElement to = HtmlParser.parse(toHtml);
        List<Patch> patches = Differ.diff(from, to);
        assertEquals(expectedJson, json(patches));
        assertEquals(to, PatchApplier.apply(patches, from));
    }

    private static String json(List<Patch> patches) {
        return PatchWriter.toJson(patches);
    }
}
