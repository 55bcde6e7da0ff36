package io.diffyne.diff;

import io.diffyne.testing.wire.PatchApplier;

import io.diffyne.protocol.PatchWriter;
import io.diffyne.vdom.HtmlParser;
import io.diffyne.vdom.VElement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Developer tool, not a test: writes {@code patches.json} for every case folder under
 * {@code src/test/resources/diff-cases} that has none yet, after checking that the patches turn {@code from.html}
 * into {@code to.html}. Review the written file before committing it: from then on it is the expected output.
 *
 * <p>Run after {@code mvn -o -q test-compile}:
 * {@code java -cp target/test-classes:target/classes:~/.m2/repository/org/jsoup/jsoup/1.21.2/jsoup-1.21.2.jar
 * io.diffyne.diff.DiffCaseRecorder}.
 */
public final class DiffCaseRecorder {

    private DiffCaseRecorder() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources/diff-cases");
        try (Stream<Path> cases = Files.list(root)) {
            for (Path folder : cases.sorted().toList()) {
                Path target = folder.resolve("patches.json");
                if (Files.exists(target)) {
                    continue;
                }
                VElement from = HtmlParser.parse(Files.readString(folder.resolve("from.html")));
                VElement to = HtmlParser.parse(Files.readString(folder.resolve("to.html")));
                List<Patch> patches = Differ.diff(from, to);
                if (!PatchApplier.apply(patches, from).equals(to)) {
                    throw new IllegalStateException(folder + ": patches do not reproduce to.html");
                }
                Files.writeString(target, pretty(patches), StandardCharsets.UTF_8);
                System.out.println(folder.getFileName() + ": " + PatchWriter.toJson(patches));
            }
        }
    }

    /** One patch per line: readable in review, still exact JSON. */
    static String pretty(List<Patch> patches) {
        if (patches.isEmpty()) {
            return "[]\n";
        }
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < patches.size(); i++) {
            out.append("  ");
            PatchWriter.write(patches.get(i), out);
            out.append(i + 1 < patches.size() ? ",\n" : "\n");
        }
        return out.append("]\n").toString();
    }
}
