package io.diffyne.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's Troubleshooting section quotes what the code prints, and this keeps the two in step: every quoted log
 * line ({@code `diffyne.websocket` INFO `WebSocket handshake refused from …: …`}: logger, level, message), every
 * quoted refusal reason or error answer ({@code reason `invalid key`}, {@code error `…`}) and every health field
 * ({@code health `"openConnections"`}) must be one the main sources print, a log line on that logger at that level;
 * {@code …} stands for a variable part. Renaming a message, or changing its level, fails here until the README follows.
 */
class TroubleshootingTest {

    private static final Path BASE = Path.of(System.getProperty("basedir", "."));
    private static final Pattern LOG_LINE = Pattern.compile(
            "`(diffyne\\.[a-z]+)` (SEVERE|WARNING|INFO|CONFIG|FINE) `([^`]+)`");
    private static final Pattern TEXT = Pattern.compile("\\b(?:reason|error) `([^`]+)`");
    private static final Pattern HEALTH_FIELD = Pattern.compile("\\bhealth `\"(\\w+)\"`");
    private static final List<String> PROBLEMS = List.of("Connection refused", "CORS or Origin refused",
            "Authentication failed", "High memory");

    private static SourceMessages sources;
    private static String mainSources;
    private static Map<String, String> problems;

    @BeforeAll
    static void read() throws IOException {
        sources = SourceMessages.of(BASE.resolve("src/main/java"));
        try (Stream<Path> files = Files.walk(BASE.resolve("src/main/java"))) {
            mainSources = files.filter(f -> f.toString().endsWith(".java")).map(TroubleshootingTest::read)
                    .collect(Collectors.joining("\n"));
        }
        // as Markdown renders a code span, a line break inside one is a space
        problems = subsections(section(read(BASE.resolve("README.md")), "## Troubleshooting")
                .replaceAll("(?<=\\S)[ \\t]*\\n[ \\t]*(?=\\S)", " "));
    }

    @Test
    void theSectionAnswersTheFourProblemsEachWithQuotesToCheck() {
        assertEquals(PROBLEMS, List.copyOf(problems.keySet()), "the ### headings of ## Troubleshooting");
        problems.forEach((problem, text) -> {
            long quotes = Stream.of(LOG_LINE, TEXT, HEALTH_FIELD).mapToLong(p -> p.matcher(text).results().count()).sum();
            assertTrue(quotes >= 3, problem + ": only " + quotes + " quoted messages or health fields");
        });
    }

    @Test
    void everyQuotedLogLineIsPrintedByTheCodeOnThatLoggerAtThatLevel() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String text : problems.values()) {
            Matcher m = LOG_LINE.matcher(text);
            while (m.find()) {
                checked++;
                String logger = m.group(1);
                String level = m.group(2);
                String quote = m.group(3);
                assertSpecific(quote);
                List<SourceMessages.Message> found = sources.matching(quote);
                if (found.stream().noneMatch(f -> level.equals(f.level()) && logger.equals(f.logger()))) {
                    wrong.add("`" + logger + "` " + level + " `" + quote + "`: " + (found.isEmpty() ? "printed nowhere"
                            : "printed as " + found.stream().map(f -> f.logger() + " " + f.level() + " '"
                            + f.printable() + "' in " + f.file()).toList()));
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked >= 8, "only " + checked + " log lines quoted");
    }

    @Test
    void everyQuotedReasonOrErrorIsInTheCode() {
        List<String> missing = new ArrayList<>();
        problems.values().forEach(text -> TEXT.matcher(text).results().forEach(r -> {
            assertSpecific(r.group(1));
            if (sources.matching(r.group(1)).isEmpty()) {
                missing.add(r.group(1));
            }
        }));
        assertEquals(List.of(), missing, "quoted as reasons or error answers but printed nowhere");
    }

    @Test
    void everyQuotedHealthFieldIsOneTheHealthAnswerHas() {
        List<String> fields = problems.values().stream()
                .flatMap(text -> HEALTH_FIELD.matcher(text).results().map(r -> r.group(1))).toList();
        assertFalse(fields.isEmpty(), "no health field quoted");
        fields.forEach(field -> assertTrue(mainSources.contains(".add(\"" + field + "\""),
                "health `\"" + field + "\"` is no field the code writes"));
    }

    /** The checker itself: a renamed message, a changed level and a message of two statements are told apart. */
    @Test
    void theCheckerTellsARenamedMessageAndAWrongLevel() {
        List<SourceMessages.Message> connect = sources.matching("WebSocket client … connected (…); open connections: …");
        assertEquals(1, connect.size(), connect.toString());
        assertEquals("INFO", connect.get(0).level());
        assertEquals("diffyne.websocket", connect.get(0).logger());
        assertTrue(sources.matching("WebSocket client … joined (…); open connections: …").isEmpty());
        // a setting-name constant is read as its value, any other expression as a gap
        assertEquals(1, sources.matching("Origin … is not allowed: add it to DIFFYNE_WS_CORS_ORIGINS").size());
        assertTrue(sources.matching("Origin … is not allowed: add it to DIFFYNE_WS_KEY").isEmpty());
        assertEquals("WARNING", sources.matching("DIFFYNE_WS_KEY is not set: using a random key").get(0).level());
    }

    private static void assertSpecific(String quote) {
        assertTrue(quote.replace("…", "").strip().length() >= 10, "too short to tell one message: `" + quote + "`");
    }

    /** From the heading to the next heading of the same level (or the end). */
    static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "README has no " + heading);
        int end = markdown.indexOf("\n## ", start + heading.length() + 2);
        return markdown.substring(start + 1, end < 0 ? markdown.length() : end);
    }

    private static Map<String, String> subsections(String section) {
        Map<String, String> parts = new LinkedHashMap<>();
        String[] pieces = section.split("\n### ");
        for (int i = 1; i < pieces.length; i++) {
            int eol = pieces[i].indexOf('\n');
            parts.put(pieces[i].substring(0, eol).strip(), pieces[i].substring(eol + 1));
        }
        return parts;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
