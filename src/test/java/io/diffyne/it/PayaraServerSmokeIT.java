package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.websocket.TestSocket;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The {@link ServerSmoke} checks on Payara Server 6 (the distribution the build unpacked from Maven Central): the
 * built WAR, unchanged, deployed by {@code asadmin deploy --contextroot diffyne} to a fresh domain, on the default
 * settings but for a known {@code DIFFYNE_WS_KEY} (a JVM option of the domain). It also proves that every socket the
 * server opens is on loopback (Payara Server opens many: each is confined, none excluded), that the application is
 * the built WAR byte for byte, that the README's logging snippet (appended to the domain's
 * {@code config/logging.properties} before the start) sends the {@code diffyne.websocket} lines to their own file, and
 * that the checks left no SEVERE line in the server's log.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayaraServerSmokeIT implements ServerSmoke {

    /** A record of Payara's log format at level SEVERE: {@code [time] [Payara 6…] [SEVERE] [...]}. */
    private static final Pattern SEVERE_RECORD = Pattern.compile("(?m)^\\[[^\\]]*\\] \\[[^\\]]*\\] \\[SEVERE\\].*$");

    private static final String KEY = "payara-server-smoke-key-0123456789";

    /** The first of the logging snippet's rotating files, in the domain's {@code logs} folder. */
    private static final String WEBSOCKET_LOG = "diffyne-websocket.0.log";

    private static PayaraServerProcess payara;

    @BeforeAll
    @Timeout(300)
    static void start() throws Exception {
        payara = PayaraServerProcess.start("payara-server-smoke", List.of("-DDIFFYNE_WS_KEY=" + KEY));
        payara.awaitHealthy(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (payara != null) {
            payara.close();
        }
    }

    @Override
    public URI smokeBase() {
        return payara.base();
    }

    @Override
    public String wsKey() {
        return KEY;
    }

    /**
     * Payara Server's MicroProfile Health at the server's root lists Diffyne's readiness check next to the demo's
     * own, as on Payara Micro.
     */
    @Test
    void payaraServersReadinessListsDiffyneNextToTheApplicationsOwnCheck() throws Exception {
        URI server = payara.base().resolve("/");
        PlatformHealth.get(server.resolve("health/ready")).assertListsDiffyneAndTheDemo("/diffyne", "database");
        PlatformHealth.get(server.resolve("health")).assertListsDiffyneAndTheDemo("/diffyne", "database");
    }

    /**
     * {@code asadmin deploy} was handed the built WAR's own path, and the server expanded it: every entry of the WAR
     * is in the application's folder with the same bytes, and the folder holds nothing else.
     */
    @Test
    @Order(0)
    void theDeployedApplicationIsTheBuiltWarByteForByte() throws Exception {
        Map<String, String> war = new TreeMap<>();
        try (ZipFile zip = new ZipFile(System.getProperty("diffyne.war"))) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        war.put(entry.getName(), sha256(in.readAllBytes()));
                    }
                }
            }
        }
        Path deployed = payara.deployedApplication();
        Map<String, String> expanded = new TreeMap<>();
        try (Stream<Path> files = Files.walk(deployed)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                expanded.put(deployed.relativize(file).toString().replace('\\', '/'), sha256(read(file)));
            }
        }
        assertTrue(war.size() > 10, "entries in the WAR: " + war.keySet());
        assertEquals(war, expanded);
    }

    @Test
    @Order(1)
    void everySocketTheServerOpensIsOnLoopback() throws Exception {
        long pid = payara.serverPid();
        org.junit.jupiter.api.Assumptions.assumeTrue(ListeningSockets.readable(pid), "no /proc here");
        List<ListeningSockets.Bound> bound = ListeningSockets.of(pid);
        assertTrue(bound.stream().anyMatch(b -> b.address().equals("127.0.0.1:" + payara.port())),
                "the HTTP listener is among " + bound);
        assertTrue(bound.stream().allMatch(ListeningSockets.Bound::loopback), "beyond loopback: " + bound);
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void webSocketDeliveriesRunOnTheContainersManagedExecutor() throws Exception {
        // a diffyne.websocket line, so in the snippet's file (the smoke's connections started the WebSocket sessions)
        LogFile.awaitContaining(payara.logDir().resolve(WEBSOCKET_LOG),
                "WebSocket deliveries run on the container's java:comp/DefaultManagedExecutorService",
                Duration.ofSeconds(15));
    }

    /**
     * The README's Payara Server logging setup, for real: with {@code docker/payara-server-logging.properties}
     * appended to the domain's {@code config/logging.properties} before the start, a WebSocket client's connect line
     * reaches {@code logs/diffyne-websocket.0.log} (the relative pattern resolved from the server's working folder,
     * the domain's {@code config}) in the snippet's format, and no {@code diffyne.websocket} line reaches
     * {@code logs/server.log}.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void theLoggingSnippetSendsAWebSocketConnectToItsOwnFile() throws Exception {
        String clientId;
        try (TestSocket socket = TestSocket.connectAsPage(smokeBase(), TestSocket.pageToken(smokeBase()))) {
            clientId = socket.clientId();
        }
        String connect = "WebSocket client " + clientId + " connected (token)";
        String file = LogFile.awaitContaining(payara.logDir().resolve(WEBSOCKET_LOG), connect, Duration.ofSeconds(15));
        assertTrue(Pattern.compile("(?m)^\\d{4}-\\d\\d-\\d\\dT\\S+ INFO diffyne\\.websocket: "
                + Pattern.quote(connect)).matcher(file).find(), "not in the snippet's format: " + file);
        // useParentHandlers=false: none of the smoke's connects (nor this one) reached server.log
        assertFalse(payara.output().contains("connected (token)"), "a connect line reached server.log");
        assertTrue(payara.output().contains("Demo chat messages are kept in"), "other loggers stay in server.log");
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void theDemoChatIsKeptInTheDefaultDatasource() {
        // the chat check mounted the chat room, which opened the store on jdbc/__default (java:comp/DefaultDataSource)
        assertTrue(payara.output().contains("Demo chat messages are kept in database (JPA)"),
                "the demo chat fell back to memory on Payara Server");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theServerLoggedNoSevereLineDuringTheChecks() {
        List<String> severe = SEVERE_RECORD.matcher(payara.output()).results().map(r -> r.group()).toList();
        assertEquals(List.of(), severe);
    }

    private static byte[] read(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
