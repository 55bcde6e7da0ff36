package io.diffyne.vdom;

import static io.diffyne.vdom.HtmlParserTest.attrs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VElementTest {

    @Test
    void copiesItsInputsSoLaterChangesDoNotLeakIn() {
        Map<String, String> attributes = new LinkedHashMap<>(attrs("b", "1", "a", "2"));
        List<VNode> children = new ArrayList<>(List.of(new VText("x")));
        VElement element = new VElement("p", attributes, children);

        attributes.put("c", "3");
        children.clear();

        assertEquals(Map.of("b", "1", "a", "2"), element.attributes());
        assertEquals(List.of("b", "a"), List.copyOf(element.attributes().keySet()));
        assertEquals(List.of(new VText("x")), element.children());
        assertThrows(UnsupportedOperationException.class, () -> element.attributes().put("d", "4"));
        assertThrows(UnsupportedOperationException.class, () -> element.children().add(new VText("y")));
    }

    @Test
    void equalityIgnoresAttributeOrderLikeTheDom() {
        assertEquals(new VElement("p", attrs("a", "1", "b", "2"), List.of()),
                new VElement("p", attrs("b", "2", "a", "1"), List.of()));
    }

    @Test
    void theKeyComesFromDiffKeyOnly() {
        assertEquals("7", new VElement("li", attrs("diff:key", "7"), List.of()).key());
        assertNull(new VElement("li", attrs("key", "7"), List.of()).key());
        assertNull(new VText("x").key());
        assertNull(new VComment("x").key());
    }

    @Test
    void refusesAnEmptyTag() {
        assertThrows(IllegalArgumentException.class, () -> new VElement(""));
    }
}
