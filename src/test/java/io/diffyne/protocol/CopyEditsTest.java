package io.diffyne.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.diffyne.diff.Differ;
import io.diffyne.testing.wire.PatchApplier;
import io.diffyne.testing.wire.PatchJson;
import io.diffyne.vdom.HtmlParser;
import io.diffyne.vdom.VElement;
import io.diffyne.vdom.VNode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CopyEditsTest {

    private static VNode node(String html) {
        return HtmlParser.parse(html);
    }

    @Test
    void aRenamedSlotRenamesItsValueEverywhereAndAnEmptyOneAlone() {
        VNode source = node("<li diff:key=\"7\" class=\"\" title=\"x\"><a href=\"/i/7\">Item 7</a></li>");
        assertEquals(node("<li diff:key=\"8\" class=\"on\" title=\"x\"><a href=\"/i/8\">Item 8</a></li>"),
                CopyEdits.apply(source, List.of(1, "8", 0, "on")));
        assertEquals(node("<li diff:key=\"7\" class=\"\" title=\"y\"><a href=\"/i/7\">Item 7</a></li>"),
                CopyEdits.apply(source, List.of("x", "y")));
    }

    @Test
    void anotherShapeIsNeverCopied() {
        assertNull(CopyEdits.find(node("<p a=\"1\">x</p>"), node("<p b=\"1\">x</p>")));
        assertNull(CopyEdits.find(node("<p>x</p>"), node("<p><i>x</i></p>")));
        assertNull(CopyEdits.find(node("<p>x</p>"), node("<div>x</div>")));
        assertNull(CopyEdits.find(null, node("<p>x</p>")));
    }

    /** Random keyed lists with random texts: whatever the edits found, read back they make exactly the new list. */
    @Test
    void randomListsRoundTripThroughTheCompactForm() {
        Random random = new Random(17);
        String[] words = {"a", "ab", "Item", "1", "10", "remove", "\"q\"", "&", "é", "x y", "Remove", "1 remaining"};
        for (int round = 0; round < 300; round++) {
            VElement from = list(random, words, random.nextInt(4));
            VElement to = list(random, words, random.nextInt(6));
            String wire = PatchWriter.toCompactJson(Differ.diff(from, to));
            assertEquals(to, PatchApplier.apply(PatchJson.readCompact(wire, from), from), wire);
        }
    }

    private static VElement list(Random random, String[] words, int size) {
        StringBuilder html = new StringBuilder("<ul>");
        for (int i = 0; i < size; i++) {
            int key = random.nextInt(6);
            if (html.indexOf("diff:key=\"" + key + "\"") >= 0) {
                continue;
            }
            String w = words[random.nextInt(words.length)].replace("&", "&amp;").replace("\"", "&quot;");
            html.append("<li diff:key=\"").append(key).append("\" title=\"").append(w).append(' ').append(key)
                    .append("\"><span>").append(words[random.nextInt(words.length)].replace("&", "&amp;"))
                    .append(key).append("</span><b diff:click=\"remove(").append(key).append(")\">")
                    .append(w).append("</b></li>");
        }
        return HtmlParser.parse(html.append("</ul>").toString());
    }
}
