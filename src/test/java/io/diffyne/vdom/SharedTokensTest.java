package io.diffyne.vdom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SharedTokensTest {

    @Test
    void twoTreesOfTheSameMarkupShareTheirShortStrings() {
        String html = "<div class=\"card counter\"><button diff:click=\"increment\">Reset</button>"
                + "<span diff:loading.class=\"busy\">1</span></div>";
        VElement one = (VElement) HtmlParser.parseSized(new String(html.toCharArray())).root();
        VElement two = (VElement) HtmlParser.parseSized(new String(html.toCharArray())).root();
        assertEquals(one, two);
        VElement button1 = (VElement) one.children().get(0);
        VElement button2 = (VElement) two.children().get(0);
        assertSame(one.tag(), two.tag());
        assertSame(button1.attributes().get("diff:click"), button2.attributes().get("diff:click"));
        assertSame(button1.attributes().keySet().iterator().next(), button2.attributes().keySet().iterator().next());
        assertSame(((VText) button1.children().get(0)).text(), ((VText) button2.children().get(0)).text());
        // longer than a token: each tree keeps its own, as the heap estimate counts it
        VElement span1 = (VElement) one.children().get(1);
        VElement span2 = (VElement) two.children().get(1);
        assertNotSame(span1.attributes().keySet().iterator().next(), span2.attributes().keySet().iterator().next());
    }

    @Test
    void aTakenSlotIsReplacedSoTheTableStaysBounded() {
        String first = new String("zq".toCharArray());
        assertSame(first, SharedTokens.of(first));
        assertSame(first, SharedTokens.of(new String("zq".toCharArray())));
        // another string of the same slot takes it over
        String rival = null;
        for (int i = 0; rival == null; i++) {
            String candidate = "t" + i;
            if ((candidate.hashCode() & (SharedTokens.SLOTS - 1)) == ("zq".hashCode() & (SharedTokens.SLOTS - 1))) {
                rival = candidate;
            }
        }
        assertSame(rival, SharedTokens.of(rival));
        String again = new String("zq".toCharArray());
        assertSame(again, SharedTokens.of(again), "the slot now holds the rival: zq starts over");
        String longer = "a-value-longer-than-twelve";
        assertSame(longer, SharedTokens.of(longer));
        assertNotSame(longer, SharedTokens.of(new String(longer.toCharArray())));
    }
}
