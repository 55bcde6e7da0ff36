package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.websocket.TestSocket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's Payara Micro logging setup, for real: a server started with the project's own
 * {@code docker/logging.properties} ({@code --logproperties}, in a folder of its own holding
 * {@code logs/diffyne-websocket/} as the README asks) writes a WebSocket client's connect line to
 * {@code logs/diffyne-websocket/diffyne-websocket.0.log} and not to its console, where the other Diffyne loggers
 * stay.
 */
@Timeout(240)
class PayaraMicroLogFileIT {

    private static final Path LOGGING = Path.of(System.getProperty("basedir", "."), "docker", "logging.properties");

    private static PayaraMicroProcess payara;
    private static Path directory;

    @BeforeAll
    static void start() throws Exception {
        directory = Path.of(System.getProperty("diffyne.it.logs", "target/it-logs"), "payara-log-file")
                .toAbsolutePath();
        Files.createDirectories(directory.resolve("logs").resolve("diffyne-websocket"));
        Files.deleteIfExists(directory.resolve("logs").resolve("diffyne-websocket").resolve("diffyne-websocket.0.log"));
        payara = PayaraMicroProcess.start("payara-log-file", List.of(),
                List.of("--logproperties", LOGGING.toString()), directory);
        payara.awaitHealthy(payara.base(), Duration.ofSeconds(200));
    }

    @AfterAll
    static void stop() throws Exception {
        if (payara != null) {
            payara.close();
        }
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
                + java.util.regex.Pattern.quote(connect) + ".*")), file);
        String console = payara.output();
        assertFalse(console.contains("WebSocket client " + clientId), "the connect line reached the console too");
        assertTrue(console.contains("Diffyne configuration: "), "diffyne.config is no longer on the console");
        assertFalse(console.contains("SEVERE") || file.contains("SEVERE"), console);
    }
}
