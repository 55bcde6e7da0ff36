package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;
import io.diffyne.transport.websocket.TestSocket;

import jakarta.json.JsonObject;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The {@link ServerSmoke} checks on WildFly (the distribution the build unpacked from Maven Central): the built WAR,
 * byte for byte, copied into the server's deployments folder and served under {@code /diffyne}, on the default
 * settings but for a known {@code DIFFYNE_WS_KEY} (so the raw-key and expired-token checks run), on the
 * distribution's {@code standalone-microprofile.xml} (the default {@code standalone.xml} has no MicroProfile Health,
 * so no readiness check to list), started with {@code --stability=community} (what the Micrometer snippet's Prometheus
 * registry needs; nothing else here changes with it). Its own server,
 * because it is another server; it also proves that every socket WildFly opens is on loopback, and that the
 * checks left no error in the server's log.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WildFlySmokeIT implements ServerSmoke {

    /** ERROR (WildFly's level) or SEVERE (java.util.logging's, as the application logs it) lines. */
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^.*\\b(ERROR|SEVERE)\\b.*$");

    /**
     * Undertow's own line when it completes an asynchronous response (an event stream) whose client has already gone:
     * the browser checks and the SSE check close their streams, and Undertow logs the closed channel at ERROR from its
     * I/O thread (UNDERTOW-1113 shows the same line); no Diffyne code runs there, and Diffyne logs the failed send at
     * FINE. Exactly this line, nothing else, is let through.
     */
    private static final Pattern CLIENT_GONE = Pattern.compile("^.* ERROR \\[io\\.undertow\\.request\\.io\\] \\(default I/O-\\d+\\) "
            + "UT005088: Failed to execute ServletOutputStream\\.closeAsync\\(\\) on IO thread: "
            + "java\\.nio\\.channels\\.ClosedChannelException$");

    private static final String KEY = "wildfly-smoke-key-0123456789abcdef";

    private static WildFlyProcess wildfly;

    @BeforeAll
    @Timeout(240)
    static void start() throws Exception {
        wildfly = WildFlyProcess.start("wildfly-smoke", "standalone-microprofile.xml",
                List.of("--stability=community", "-DDIFFYNE_WS_KEY=" + KEY));
        wildfly.awaitDeployed(Duration.ofSeconds(200));
    }

    @AfterAll
    static void stop() throws Exception {
        if (wildfly != null) {
            wildfly.close();
        }
    }

    @Override
    public URI smokeBase() {
        return wildfly.base();
    }

    @Override
    public String wsKey() {
        return KEY;
    }

    @Test
    @Order(0)
    void theDeployedWarIsTheBuiltOneByteForByte() throws Exception {
        Path built = Path.of(System.getProperty("diffyne.war"));
        Path deployed = Path.of(System.getProperty("diffyne.it.logs", "target/it-logs"))
                .resolveSibling("it-wildfly").resolve("wildfly-smoke").resolve("deployments")
                .resolve(WildFlyProcess.DEPLOYMENT);
        assertEquals(sha256(built), sha256(deployed));
    }

    @Test
    @Order(1)
    void everySocketTheServerOpensIsOnLoopback() throws Exception {
        long pid = wildfly.serverPid();
        org.junit.jupiter.api.Assumptions.assumeTrue(ListeningSockets.readable(pid), "no /proc here");
        List<ListeningSockets.Bound> bound = ListeningSockets.of(pid);
        assertTrue(bound.stream().anyMatch(b -> b.address().equals("127.0.0.1:" + wildfly.port())),
                "the HTTP listener is among " + bound);
        assertTrue(bound.stream().allMatch(ListeningSockets.Bound::loopback), "beyond loopback: " + bound);
    }

    /** WildFly serves MicroProfile Health on its management interface; Diffyne's check is there next to the demo's. */
    @Test
    @Order(2)
    void theManagementInterfacesReadinessListsDiffyneNextToTheApplicationsOwnCheck() throws Exception {
        PlatformHealth ready = PlatformHealth.get(wildfly.management().resolve("health/ready"));
        ready.assertListsDiffyneAndTheDemo("/diffyne", "database");
        PlatformHealth.get(wildfly.management().resolve("health")).assertListsDiffyneAndTheDemo("/diffyne", "database");
        assertEquals("UP", PlatformHealth.get(wildfly.management().resolve("health/live")).status());
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void webSocketDeliveriesRunOnTheContainersManagedExecutor() {
        String log = wildfly.output();
        assertTrue(log.contains("WebSocket deliveries run on the container's java:comp/DefaultManagedExecutorService"),
                "no managed executor line in the server log (the smoke's connections start the WebSocket sessions)");
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void theDemoChatIsKeptInTheDefaultDatasource() {
        // the chat check mounted the chat room, which opened the store on ExampleDS (java:comp/DefaultDataSource)
        assertTrue(wildfly.output().contains("Demo chat messages are kept in database (JPA)"),
                "the demo chat fell back to memory on WildFly");
    }

    /**
     * The README's WildFly logging setup, for real: {@code docker/wildfly-logging.cli} applied with jboss-cli to the
     * running server (after the checks above read the WebSocket lines on the console) sends the next connect line to
     * {@code <server>/log/diffyne-websocket.log}, not to the console.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void theLoggingSnippetSendsAWebSocketConnectToItsOwnFile() throws Exception {
        wildfly.cli(Path.of(System.getProperty("basedir", "."), "docker", "wildfly-logging.cli"), Duration.ofSeconds(60));
        String clientId;
        try (TestSocket socket = TestSocket.connectAsPage(wildfly.base(), TestSocket.pageToken(wildfly.base()))) {
            clientId = socket.clientId();
        }
        String connect = "WebSocket client " + clientId + " connected (token)";
        String file = LogFile.awaitContaining(wildfly.logDir().resolve("diffyne-websocket.log"), connect,
                Duration.ofSeconds(15));
        assertTrue(file.contains(" INFO  [diffyne.websocket] "), "the PATTERN format names level and logger: " + file);
        assertFalse(wildfly.output().contains("WebSocket client " + clientId), "the connect line reached the console");
        assertEquals(List.of(), ERROR_LINE.matcher(file).results().map(r -> r.group()).toList());
    }

    /**
     * The README's WildFly metrics setup, for real: without the Micrometer subsystem the application registers nothing
     * and says nothing above FINE; {@code docker/wildfly-micrometer.cli} (extension, subsystem, Prometheus registry,
     * reload) makes the figures appear at the management interface's {@code /prometheus}, and they count this test's
     * own clicks. A redeployed application's meters read its new recorder (the old meters were removed, not kept).
     * Before the shared checks: a reload while an event stream is still open (the chat check's, until a heartbeat
     * finds its client gone) makes WildFly log WFLYTX0002 at ERROR when Undertow completes it during the stop.
     */
    @Test
    @Order(3)
    @Timeout(300)
    void theMicrometerSnippetPublishesTheFiguresForPrometheus() throws Exception {
        assertFalse(wildfly.output().contains("with Micrometer"), "registered without the subsystem");
        assertFalse(Pattern.compile("(WARN|ERROR) +\\[diffyne\\.metrics\\]").matcher(wildfly.output()).find(),
                "a metrics line above INFO without the subsystem");

        wildfly.cli(Path.of(System.getProperty("basedir", "."), "docker", "wildfly-micrometer.cli"),
                Duration.ofSeconds(180));
        wildfly.awaitDeployed(Duration.ofSeconds(120));
        URI prometheus = wildfly.management().resolve("prometheus");
        String war = "WF_DEPLOYMENT=\"" + WildFlyProcess.DEPLOYMENT + "\"";
        PrometheusScrape first = PrometheusScrape.of(prometheus);
        for (String name : List.of("diffyne_actions_total", "diffyne_actions_rate_per_second",
                "diffyne_action_latency_p50_microseconds", "diffyne_action_latency_p99_microseconds",
                "diffyne_action_errors_total", "diffyne_rate_limited_total", "diffyne_handshakes_refused_total",
                "diffyne_connections", "diffyne_broadcasts_total", "diffyne_broadcast_fanout_p99_microseconds",
                "diffyne_replays_total", "diffyne_slow_consumers_closed_total", "diffyne_live_components",
                "diffyne_heap_used_bytes", "diffyne_component_actions_total",
                "diffyne_component_latency_p50_microseconds", "diffyne_component_latency_p99_microseconds")) {
            assertTrue(first.value(name, war).isPresent(), name + " in " + first.names("diffyne_"));
        }
        assertTrue(first.value("diffyne_connections", war, "transport=\"websocket\"").isPresent());
        assertTrue(first.value("diffyne_heap_used_bytes", war).orElseThrow() > 0);

        double clicked = clickTheCounter(prometheus, war, first.value("diffyne_actions_total", war).orElseThrow(), 4);
        assertTrue(PrometheusScrape.of(prometheus).value("diffyne_component_actions_total", war,
                "component=\"counter\"").orElseThrow() >= 4);

        Path redeploy = Files.writeString(Files.createTempFile("wildfly-redeploy", ".cli"),
                "/deployment=" + WildFlyProcess.DEPLOYMENT + ":redeploy\n");
        try {
            wildfly.cli(redeploy, Duration.ofSeconds(120));
        } finally {
            Files.delete(redeploy);
        }
        wildfly.awaitDeployed(Duration.ofSeconds(120));
        double fresh = PrometheusScrape.of(prometheus).value("diffyne_actions_total", war).orElseThrow();
        assertTrue(fresh < clicked, "the redeployed application reads " + fresh + ", the old one had " + clicked);
        clickTheCounter(prometheus, war, fresh, 1);
        assertEquals(2, Pattern.compile("Diffyne registered \\d+ meters \\(diffyne\\.\\*\\) with Micrometer")
                .matcher(wildfly.output()).results().count(), "one registration per deployment");
    }

    /** Clicks the demo's counter {@code clicks} times over AJAX; answers diffyne_actions_total once it has moved. */
    private static double clickTheCounter(URI prometheus, String war, double before, int clicks) throws Exception {
        AjaxTestClient client = new AjaxTestClient(wildfly.base());
        JsonObject counter = client.snapshotFromPage("", "counter");
        for (int i = 0; i < clicks; i++) {
            var response = client.postJson("update", AjaxTestClient.call(counter, "increment", "wf-metrics-" + java.util.UUID.randomUUID()));
            assertEquals(200, response.statusCode(), response.body());
            counter = AjaxTestClient.next(counter, AjaxTestClient.object(response));
        }
        // the figures come from a snapshot at most a second old
        Instant deadline = Instant.now().plusSeconds(15);
        double now = before;
        while (now < before + clicks && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            now = PrometheusScrape.of(prometheus).value("diffyne_actions_total", war).orElseThrow();
        }
        assertTrue(now >= before + clicks, "diffyne_actions_total " + before + " -> " + now + " after " + clicks);
        return now;
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theServerLoggedNoErrorDuringTheChecks() {
        List<String> errors = ERROR_LINE.matcher(wildfly.output()).results().map(r -> r.group())
                .filter(line -> !CLIENT_GONE.matcher(line.replaceAll("\\u001B\\[[0-9;]*m", "")).matches()).toList();
        assertEquals(List.of(), errors);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
