package io.diffyne.vdom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Writing a tree as HTML and parsing it back gives the same tree, for trees a browser would build unchanged. */
class HtmlRoundTripProperties {

    private static final String[] TAGS = {"div", "span", "section", "em", "b", "label"};
    private static final String[] TEXTS = {"a", "x & y", "<p>", "</div>", "\"q\" 'a'", "\u00a0", " \u00a0 ", "日本",
        "😀", "&amp;", "tab\there", "1 < 2 > 0", "--> ", "é"};

    @Property(tries = 1000)
    void writeThenParseGivesTheSameTree(@ForAll long seed) {
        Random random = new Random(seed);
        VElement tree = element(random, 0);

        assertEquals(tree, HtmlParser.parse(tree.toHtml()), () -> "seed " + seed + ": " + tree.toHtml());
    }

    private static VElement element(Random random, int depth) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            attributes.put(new String[] {"class", "title", "data-v", "diff:key", "value"}[random.nextInt(5)],
                    random.nextInt(4) == 0 ? "" : TEXTS[random.nextInt(TEXTS.length)]);
        }
        List<VNode> children = new ArrayList<>();
        int count = depth < 4 ? random.nextInt(5) : 0;
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(6);
            boolean afterText = !children.isEmpty() && children.get(children.size() - 1) instanceof VText;
            if (kind < 3) {
                children.add(element(random, depth + 1));
            } else if (kind < 5 && !afterText) { // the DOM merges adjacent text, so a tree never has it
                children.add(new VText(TEXTS[random.nextInt(TEXTS.length)]));
            } else {
                children.add(new VComment(" c" + random.nextInt(9) + " "));
            }
        }
        return new VElement(TAGS[random.nextInt(TAGS.length)], attributes, children);
    }
}
