package io.diffyne.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.diffyne.vdom.HtmlParser;
import io.diffyne.vdom.VComment;
import io.diffyne.vdom.VElement;
import io.diffyne.vdom.VText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeWriterTest {

    @Test
    void writesAnElementWithAttributesInOrderAndChildren() {
        assertEquals("{\"t\":\"li\",\"a\":{\"class\":\"done\",\"diff:key\":\"7\"},\"c\":[{\"x\":\"Milk\"},{\"m\":\" note \"}]}",
                NodeWriter.toJson(HtmlParser.parse("<li class=\"done\" diff:key=\"7\">Milk<!-- note --></li>")));
    }

    @Test
    void omitsEmptyAttributesAndChildren() {
        assertEquals("{\"t\":\"br\"}", NodeWriter.toJson(new VElement("br")));
        assertEquals("{\"t\":\"input\",\"a\":{\"checked\":\"\"}}",
                NodeWriter.toJson(new VElement("input", Map.of("checked", ""), List.of())));
    }

    @Test
    void writesTextAndComments() {
        assertEquals("{\"x\":\"Milk\"}", NodeWriter.toJson(new VText("Milk")));
        assertEquals("{\"m\":\" note \"}", NodeWriter.toJson(new VComment(" note ")));
    }

    @Test
    void escapesStringsMinimally() {
        assertEquals("{\"x\":\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0000\\u001f\u007f / </script> é 😀 \u2028\"}",
                NodeWriter.toJson(new VText("q\" b\\ \b\f\n\r\t \u0000\u001f\u007f / </script> é 😀 \u2028")));
    }

    @Test
    void escapesUnpairedSurrogatesSoUtf8CannotMangleThem() {
        assertEquals("{\"x\":\"a\\ud800b\\udc00\"}", NodeWriter.toJson(new VText("a\ud800b\udc00")));
    }

    @Test
    void escapesAttributeNamesAndValues() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("title", "say \"hi\"");
        attributes.put("data-json", "{\"a\":1}");

        assertEquals("{\"t\":\"p\",\"a\":{\"title\":\"say \\\"hi\\\"\",\"data-json\":\"{\\\"a\\\":1}\"}}",
                NodeWriter.toJson(new VElement("p", attributes, List.of())));
    }

    @Test
    void appendsToTheGivenBuilder() {
        StringBuilder out = new StringBuilder("[");
        NodeWriter.write(new VText("a"), out);

        assertEquals("[{\"x\":\"a\"}", out.toString());
    }
}
