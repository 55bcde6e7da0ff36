package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * the built WAR byte for byte, and that the checks left no SEVERE line in the server's log.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayaraServerSmokeIT implements ServerSmoke {

    /** A record of Payara's log format at level SEVERE: {@code [time] [Payara 6…] [SEVERE] [...]}. */
    private static final Pattern SEVERE_RECORD = Pattern.compile("(?m)^\\[[^\\]]*\\] \\[[^\\]]*\\] \\[SEVERE\\].*$");

    private static final String KEY = "payara-server-smoke-key-0123456789";

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
    void webSocketDeliveriesRunOnTheContainersManagedExecutor() {
        assertTrue(payara.output().contains(
                        "WebSocket deliveries run on the container's java:comp/DefaultManagedExecutorService"),
                "no managed executor line in the server log (the smoke's connections start the WebSocket sessions)");
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
