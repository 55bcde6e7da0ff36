package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.websocket.TestSocket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Payara Micro as the README runs it in production: the WAR at the context root {@code /} (as the README command,
 * the browser tests, the nginx test and the image deploy it) with the project's own {@code docker/logging.properties}
 * ({@code --logproperties}, started in a folder of its own holding {@code logs/diffyne-websocket/} as the README
 * asks). One server for both subjects:
 * <ul>
 * <li>health: at the root {@code /health} is the path Payara's MicroProfile Health serves, and Diffyne leaves it to
 * Payara (its readiness check is listed there, next to the application's own), keeping {@code /_diffyne/health} for
 * itself. Before, Diffyne's {@code /health} servlet made Payara drop its health endpoints entirely:
 * {@code /health/ready} and {@code /health/live} answered 404;</li>
 * <li>logs: a WebSocket client's connect line goes to {@code logs/diffyne-websocket/diffyne-websocket.0.log} and not
 * to the console, where the other Diffyne loggers stay.</li>
 * </ul>
 */
@Timeout(60)
class PayaraMicroAtRootIT {

    private static final Path LOGGING = Path.of(System.getProperty("basedir", "."), "docker", "logging.properties");

    private static PayaraMicroProcess payara;
    private static Path directory;
    private static int readyAt;

    @BeforeAll
    @Timeout(240)
    static void start() throws Exception {
        directory = Path.of(System.getProperty("diffyne.it.logs", "target/it-logs"), "payara-at-root")
                .toAbsolutePath();
        Path websocketLogs = directory.resolve("logs").resolve("diffyne-websocket");
        Files.createDirectories(websocketLogs);
        Files.deleteIfExists(websocketLogs.resolve("diffyne-websocket.0.log"));
        payara = PayaraMicroProcess.start("payara-at-root", List.of(), List.of("--logproperties", LOGGING.toString()),
                directory, true);
        // Diffyne's own health: at the root, /health is Payara's
        payara.awaitHealthy(payara.base().resolve("_diffyne/"), Duration.ofSeconds(200));
        readyAt = payara.output().length();
    }

    @AfterAll
    static void stop() throws Exception {
        if (payara != null) {
            payara.close();
        }
    }

    @AfterEach
    void noSevereLine() {
        payara.assertNoSevereSince(readyAt);
    }

    @Test
    void healthAndReadinessArePayarasListingDiffyneNextToTheApplicationsOwnCheck() throws Exception {
        PlatformHealth.get(payara.base().resolve("health")).assertListsDiffyneAndTheDemo("", "database");
        PlatformHealth.get(payara.base().resolve("health/ready")).assertListsDiffyneAndTheDemo("", "database");
        assertEquals("UP", PlatformHealth.get(payara.base().resolve("health/live")).status());
        assertTrue(payara.output().contains("/health is served by the servlet microprofile-healthcheck-servlet"),
                "no line saying who serves /health");
    }

    @Test
    void diffynesOwnHealthIsUnderDiffyne() throws Exception {
        PlatformHealth health = PlatformHealth.get(payara.base().resolve("_diffyne/health"));
        assertEquals(Set.of("diffyne"), health.checks().keySet(), health.toString());
        assertEquals("/diffyne", health.data("diffyne", "websocketPath"));
    }

    @Test
    void aWebSocketConnectGoesToItsOwnFileAndNotToTheConsole() throws Exception {
        String clientId;
        try (TestSocket socket = TestSocket.connectAsPage(payara.base(), TestSocket.pageToken(payara.base()))) {
            clientId = socket.clientId();
        }
        String connect = "WebSocket client " + clientId + " connected (token)";
        String file = LogFile.awaitContaining(directory.resolve("logs/diffyne-websocket/diffyne-websocket.0.log"),
                connect, Duration.ofSeconds(15));
        // the file's own format (SimpleFormatter.format in logging.properties): time, level, logger, message
        assertTrue(file.lines().anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+[+-]\\d{4} INFO diffyne\\.websocket: "
                + Pattern.quote(connect) + ".*")), file);
        String console = payara.output();
        assertFalse(console.contains("WebSocket client " + clientId), "the connect line reached the console too");
        assertTrue(console.contains("Diffyne configuration: "), "diffyne.config is no longer on the console");
        assertFalse(file.contains("SEVERE"), file);
    }
}
