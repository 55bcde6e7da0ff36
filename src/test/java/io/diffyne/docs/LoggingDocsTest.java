package io.diffyne.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The README's Logs section shows the logging files the integration tests run ({@code docker/logging.properties} by
 * {@code PayaraMicroAtRootIT}, {@code docker/wildfly-logging.cli} by {@code WildFlySmokeIT},
 * {@code docker/payara-server-logging.properties} by {@code PayaraServerSmokeIT}, {@code docker/tomcat-logging.properties}
 * by {@code TomcatSmokeIT}): what it shows must be
 * what they hold, so the tested file and the documented one cannot drift apart.
 */
class LoggingDocsTest {

    private static final Path BASE = Path.of(System.getProperty("basedir", "."));

    private static String logs() throws IOException {
        return TroubleshootingTest.section(Files.readString(BASE.resolve("README.md"), StandardCharsets.UTF_8), "## Logs");
    }

    @Test
    void theWildFlySnippetIsTheTestedCliFileLineForLine() throws IOException {
        List<String> commands = Files.readAllLines(BASE.resolve("docker/wildfly-logging.cli")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals(List.of("batch", "run-batch"), List.of(commands.get(0), commands.get(commands.size() - 1)));
        String logs = logs();
        commands.forEach(c -> assertTrue(logs.contains("\n" + c + "\n"), "README's Logs section lacks: " + c));
        assertTrue(logs.contains("jboss-cli.sh --connect --file=docker/wildfly-logging.cli"));
    }

    @Test
    void thePayaraLinesShownAreInTheTestedLoggingProperties() throws IOException {
        String logs = logs();
        String block = logs.substring(logs.indexOf("```properties\n") + 14);
        block = block.substring(0, block.indexOf("```"));
        List<String> shown = block.lines().filter(l -> !l.isBlank()).toList();
        assertTrue(shown.size() >= 3, block);
        List<String> file = Files.readAllLines(BASE.resolve("docker/logging.properties"));
        shown.forEach(l -> assertTrue(file.contains(l), "docker/logging.properties lacks: " + l));
        assertTrue(logs.contains("--logproperties docker/logging.properties"));
    }

    @Test
    void thePayaraServerSnippetIsTheTestedFragmentLineForLine() throws IOException {
        String logs = logs();
        String part = logs.substring(logs.indexOf("On Payara Server, append"));
        String block = part.substring(part.indexOf("```properties\n") + 14);
        block = block.substring(0, block.indexOf("```"));
        List<String> file = Files.readAllLines(BASE.resolve("docker/payara-server-logging.properties")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals(file, block.lines().filter(l -> !l.isBlank()).toList());
        assertTrue(part.contains("cat docker/payara-server-logging.properties >> "
                + "/opt/payara6/glassfish/domains/domain1/config/logging.properties"), part);
    }

    @Test
    void theTomcatLinesShownAreInTheTestedFragment() throws IOException {
        String logs = logs();
        String part = logs.substring(logs.indexOf("On Tomcat, append"));
        String block = part.substring(part.indexOf("```properties\n") + 14);
        block = block.substring(0, block.indexOf("```"));
        List<String> shown = block.lines().filter(l -> !l.isBlank()).toList();
        assertTrue(shown.size() >= 4, block);
        List<String> file = Files.readAllLines(BASE.resolve("docker/tomcat-logging.properties"));
        shown.forEach(l -> assertTrue(file.contains(l), "docker/tomcat-logging.properties lacks: " + l));
        assertTrue(part.contains("cat docker/tomcat-logging.properties >> conf/logging.properties"), part);
    }
}
