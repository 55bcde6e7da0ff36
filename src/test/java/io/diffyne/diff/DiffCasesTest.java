package io.diffyne.diff;

import io.diffyne.testing.wire.PatchApplier;
import io.diffyne.testing.wire.PatchJson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.protocol.PatchWriter;
import io.diffyne.vdom.HtmlParser;
import io.diffyne.vdom.VElement;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared diff vectors ({@code src/test/resources/diff-cases/<case>/}), also read by the JavaScript client's
 * tests: the differ must produce exactly {@code patches.json}, and those patches must turn from into to.
 */
class DiffCasesTest {

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path root = Path.of(DiffCasesTest.class.getResource("/diff-cases").toURI());
        return Files.list(root).filter(Files::isDirectory).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void differProducesExactlyTheRecordedPatches(Path folder) throws IOException {
        VElement from = HtmlParser.parse(read(folder, "from.html"));
        VElement to = HtmlParser.parse(read(folder, "to.html"));
        String expected = read(folder, "patches.json");

        List<Patch> actual = Differ.diff(from, to);

        assertEquals(PatchJson.parseArray(expected), PatchJson.parseArray(PatchWriter.toJson(actual)),
                "patch JSON of " + folder.getFileName());
        assertEquals(PatchJson.read(expected), actual, "patch records of " + folder.getFileName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recordedPatchesTurnFromIntoTo(Path folder) throws IOException {
        VElement from = HtmlParser.parse(read(folder, "from.html"));
        VElement to = HtmlParser.parse(read(folder, "to.html"));

        assertEquals(to, PatchApplier.apply(PatchJson.read(read(folder, "patches.json")), from));
    }

    @Test
    void theSharedCorpusCoversAtLeastTwentyCases() throws IOException, URISyntaxException {
        assertTrue(cases().count() >= 20, "at least 20 diff cases");
    }

    private static String read(Path folder, String name) throws IOException {
        return Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
    }
}
