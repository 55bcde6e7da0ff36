package io.diffyne.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.diffyne.diff.Patch;
import io.diffyne.vdom.VElement;
import io.diffyne.vdom.VText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatchWriterTest {

    @Test
    void writesEachPatchType() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("class", "on");
        set.put("value", "a\"b");
        List<Patch> patches = List.of(
                new Patch.Text(List.of(0, 0), "3"),
                new Patch.Create(List.of(1, 3), new VElement("li", List.of(new VText("Eggs")))),
                new Patch.Remove(List.of(1, 0)),
                new Patch.Replace(List.of(), new VElement("section")),
                new Patch.Attributes(List.of(2), set, List.of("disabled", "hidden")),
                new Patch.Move(List.of(1), List.of(new Patch.Move.Step(4, 0), new Patch.Move.Step(2, 3))));

        assertEquals("[{\"t\":\"t\",\"p\":[0,0],\"x\":\"3\"},"
                + "{\"t\":\"c\",\"p\":[1,3],\"n\":{\"t\":\"li\",\"c\":[{\"x\":\"Eggs\"}]}},"
                + "{\"t\":\"r\",\"p\":[1,0]},"
                + "{\"t\":\"R\",\"p\":[],\"n\":{\"t\":\"section\"}},"
                + "{\"t\":\"a\",\"p\":[2],\"s\":{\"class\":\"on\",\"value\":\"a\\\"b\"},\"r\":[\"disabled\",\"hidden\"]},"
                + "{\"t\":\"o\",\"p\":[1],\"m\":[[4,0],[2,3]]}]", PatchWriter.toJson(patches));
    }

    @Test
    void omitsTheEmptyHalfOfAnAttributePatch() {
        assertEquals("{\"t\":\"a\",\"p\":[0],\"s\":{\"checked\":\"\"}}",
                one(new Patch.Attributes(List.of(0), Map.of("checked", ""), List.of())));
        assertEquals("{\"t\":\"a\",\"p\":[0],\"r\":[\"checked\"]}",
                one(new Patch.Attributes(List.of(0), Map.of(), List.of("checked"))));
    }

    @Test
    void writesAnEmptyListAsAnEmptyArray() {
        assertEquals("[]", PatchWriter.toJson(List.of()));
    }

    @Test
    void escapesTextPatches() {
        assertEquals("{\"t\":\"t\",\"p\":[5],\"x\":\"line1\\nline2 \\\"q\\\" \\\\\"}",
                one(new Patch.Text(List.of(5), "line1\nline2 \"q\" \\")));
    }

    private static String one(Patch patch) {
        StringBuilder out = new StringBuilder();
        PatchWriter.write(patch, out);
        return out.toString();
    }
}
