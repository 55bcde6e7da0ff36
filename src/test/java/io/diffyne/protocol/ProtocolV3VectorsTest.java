package io.diffyne.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.diff.Differ;
import io.diffyne.testing.wire.PatchApplier;
import io.diffyne.testing.wire.PatchJson;
import io.diffyne.vdom.HtmlParser;
import io.diffyne.vdom.VElement;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared vectors of protocol v3's compact patches ({@code src/test/resources/protocol/v3-vectors.json}, also read
 * by the client's {@code protocol.test.js}): for every diff case and every case of the file's own, the server writes
 * exactly the vector's text, and the text, read back (copies resolved against the live tree), turns from into to.
 */
class ProtocolV3VectorsTest {

    private static final Path VECTORS = Path.of("src/test/resources/protocol/v3-vectors.json");
    private static final Path CASES = Path.of("src/test/resources/diff-cases");

    static Stream<JsonObject> vectors() throws IOException {
        try (JsonReader r = Json.createReader(new StringReader(Files.readString(VECTORS, StandardCharsets.UTF_8)))) {
            return r.readObject().getJsonArray("patches").stream().map(JsonValue::asJsonObject).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theServerWritesExactlyTheVectorAndItTurnsFromIntoTo(JsonObject v) throws IOException {
        VElement from = HtmlParser.parse(html(v, "from"));
        VElement to = HtmlParser.parse(html(v, "to"));
        String wire = PatchWriter.toCompactJson(Differ.diff(from, to));
        assertEquals(v.getString("wire"), wire, v.getString("name"));
        assertEquals(to, PatchApplier.apply(PatchJson.readCompact(wire, from), from), v.getString("name"));
        if (v.containsKey("copies")) {
            assertEquals(v.getInt("copies"), count(wire, "[\"k\","), "copy patches in " + v.getString("name"));
        }
    }

    @Test
    void everyDiffCaseHasItsVector() throws IOException {
        List<String> named = vectors().filter(v -> v.containsKey("case")).map(v -> v.getString("case")).toList();
        try (Stream<Path> folders = Files.list(CASES)) {
            List<String> cases = folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .toList();
            assertEquals(cases, named.stream().sorted().toList());
        }
        assertTrue(vectors().filter(v -> v.containsKey("copies")).count() >= 10, "at least ten cases of copies");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String html(JsonObject v, String side) throws IOException {
        return v.containsKey("case") ? Files.readString(CASES.resolve(v.getString("case")).resolve(side + ".html"),
                StandardCharsets.UTF_8) : v.getString(side);
    }

    /** Regenerates the file's wire texts: {@code mvn test -Dtest=ProtocolV3VectorsTest#write -Dv3.write=true}. */
    @Test
    void write() throws IOException {
        if (!Boolean.getBoolean("v3.write")) {
            return;
        }
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject v : vectors().toList()) {
            String wire = PatchWriter.toCompactJson(Differ.diff(HtmlParser.parse(html(v, "from")),
                    HtmlParser.parse(html(v, "to"))));
            out.add(Json.createObjectBuilder(v).add("wire", wire).build());
        }
        StringBuilder json = new StringBuilder("{\n  \"about\": ");
        try (JsonReader r = Json.createReader(new StringReader(Files.readString(VECTORS, StandardCharsets.UTF_8)))) {
            json.append(r.readObject().get("about"));
        }
        json.append(",\n  \"patches\": [\n");
        for (int i = 0; i < out.size(); i++) {
            json.append("    ").append(out.get(i)).append(i + 1 < out.size() ? ",\n" : "\n");
        }
        Files.writeString(VECTORS, json.append("  ]\n}\n"), StandardCharsets.UTF_8);
    }
}
