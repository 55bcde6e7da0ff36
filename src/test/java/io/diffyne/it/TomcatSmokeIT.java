package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;

import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The {@link ServerSmoke} checks on Tomcat 10.1 (the distribution the build unpacked from Maven Central) with the
 * Tomcat flavour of the WAR, byte for byte, in {@code webapps/} and so served under {@code /diffyne}, on the default
 * settings but for a known {@code DIFFYNE_WS_KEY}, set as an operator would ({@code bin/setenv.sh}). Tomcat has no
 * managed executor and no datasource: it also proves that the WebSocket transport says it runs on its own bounded
 * threads and that they end with the application, that the demo chat falls back to memory and the page says so, that
 * the README's logging snippet sends {@code diffyne.websocket} to its own file, that every socket Tomcat opens is on
 * loopback, and that no server log has an error line.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TomcatSmokeIT implements ServerSmoke {

    /** SEVERE (java.util.logging's level, Tomcat's and the application's) or ERROR lines. */
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^.*\\b(ERROR|SEVERE)\\b.*$");
    /** The file the logging snippet's handler writes: {@code logs/diffyne-websocket.<date>.log}. */
    private static final String WEBSOCKET_LOG = "diffyne-websocket.";
    /** The own threads' names as Linux shows them (cut to 15 characters): delivery pool and timer. */
    private static final String DELIVERY_THREAD = "diffyne-ws-deli";
    private static final String TIMER_THREAD = "diffyne-ws-time";

    private static final String KEY = "tomcat-smoke-key-0123456789abcdef";
    private static final Duration LOG_WAIT = Duration.ofSeconds(30);

    private static TomcatProcess tomcat;

    @BeforeAll
    @Timeout(180)
    static void start() throws Exception {
        Assumptions.assumeTrue(System.getProperty("diffyne.tomcatWar") != null,
                "built without the Tomcat flavour (-Dno.tomcat)");
        tomcat = TomcatProcess.start("tomcat-smoke", Map.of("DIFFYNE_WS_KEY", KEY));
        tomcat.awaitDeployed(Duration.ofSeconds(150));
    }

    @AfterAll
    static void stop() throws Exception {
        if (tomcat != null) {
            tomcat.close();
        }
    }

    /** No JPA on Tomcat: the demo chat falls back to memory, and its page says so. */
    @Override
    public String chatStorage() {
        return "memory";
    }

    @Override
    public URI smokeBase() {
        return tomcat.base();
    }

    @Override
    public String wsKey() {
        return KEY;
    }

    @Test
    @Order(0)
    void theDeployedWarIsTheBuiltTomcatFlavourByteForByte() throws Exception {
        assertEquals(sha256(Path.of(System.getProperty("diffyne.tomcatWar"))), sha256(tomcat.deployedWar()));
    }

    @Test
    @Order(1)
    void everySocketTheServerOpensIsOnLoopback() throws Exception {
        long pid = tomcat.serverPid();
        Assumptions.assumeTrue(ListeningSockets.readable(pid), "no /proc here");
        List<ListeningSockets.Bound> bound = ListeningSockets.of(pid);
        assertTrue(bound.stream().anyMatch(b -> b.address().equals("127.0.0.1:" + tomcat.port())),
                "the HTTP listener is among " + bound);
        assertTrue(bound.stream().allMatch(ListeningSockets.Bound::loopback), "beyond loopback: " + bound);
    }

    @Test
    @Order(2)
    void theDemoChatFallsBackToMemoryAndThePageSaysSo() throws Exception {
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(smokeBase().resolve("chat?room=storage"))
                .timeout(LOG_WAIT).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("Messages are kept in memory."), page);
        assertTrue(tomcat.output().contains("Demo chat messages are kept in memory"), tomcat.output());
    }

    @Test
    @Order(3)
    void healthAnswersAtTheContextRootsHealthPathToo() throws Exception {
        // Tomcat serves no MicroProfile Health of its own, so <ctx>/health is the application's
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                smokeBase().resolve("health")).timeout(LOG_WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"status\":\"UP\""), response.body());
    }

    /** Bean Validation is the flavour's (Hibernate Validator with its CDI module): a component's validate() works. */
    @Test
    @Order(4)
    void aComponentsValidateRunsOnTheBundledValidator() throws Exception {
        AjaxTestClient client = new AjaxTestClient(smokeBase());
        JsonObject snapshot = client.snapshotFromPage("", "contact-form");
        HttpResponse<String> response = client.postJson("update", AjaxTestClient.call(snapshot, "submit", "tomcat-v"));
        assertEquals(422, response.statusCode(), response.body());
        assertEquals("validation_error", AjaxTestClient.object(response).getString("type"), response.body());
        assertTrue(response.body().contains("Email address is required"), response.body());
        assertTrue(response.body().contains("Please enter your name"), response.body());
    }

    @Test
    @Order(Integer.MAX_VALUE - 4)
    void theWebSocketLoggerWritesItsOwnFileWithTheConnectLines() throws Exception {
        // the snippet's AsyncFileHandler writes from a thread of its own: wait for the line, not a fixed time
        long deadline = System.nanoTime() + LOG_WAIT.toNanos();
        while (!tomcat.logFiles(WEBSOCKET_LOG).contains("connected (") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String file = tomcat.logFiles(WEBSOCKET_LOG);
        assertTrue(Pattern.compile("WebSocket client \\S+ connected \\(").matcher(file).find(),
                "no connect line in logs/" + WEBSOCKET_LOG + "*.log:\n" + file);
        assertTrue(file.contains("Diffyne WebSocket endpoint at /diffyne/diffyne"), file);
        // useParentHandlers = false: the console has none of it
        assertTrue(!tomcat.output().contains("connected ("), "the connect lines reached the console too");
    }

    @Test
    @Order(Integer.MAX_VALUE - 3)
    void withoutAManagedExecutorTheWebSocketTransportSaysSoAndRunsOnBoundedThreadsOfItsOwn() throws Exception {
        String file = tomcat.logFiles(WEBSOCKET_LOG);
        assertTrue(file.contains("No java:comp/DefaultManagedExecutorService here; WebSocket deliveries run on a "
                + "bounded pool of Diffyne's own"), file);
        Assumptions.assumeTrue(ListeningSockets.readable(tomcat.serverPid()), "no /proc here");
        List<String> threads = tomcat.threadNames();
        // the pool's size: SocketThreads.lookUp() on this machine (the server runs on the same one)
        int pool = Math.max(2, Runtime.getRuntime().availableProcessors());
        assertTrue(threads.stream().filter(DELIVERY_THREAD::equals).count() <= pool, threads::toString);
        assertEquals(1, threads.stream().filter(TIMER_THREAD::equals).count(), threads::toString);
    }

    @Test
    @Order(Integer.MAX_VALUE - 2)
    void theServerLoggedNoErrorDuringTheChecks() {
        assertEquals(List.of(), errorLines());
    }

    /**
     * Undeploying stops the application's own threads (delivery pool, timers) before Tomcat looks for leftovers. What
     * Tomcat does report there, as SEVERE, are ThreadLocals Weld servlet left on its request threads (Weld's request
     * bookkeeping; Tomcat renews those threads): accepted as long as every such line is about Weld's classes only.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void theOwnThreadsEndWhenTheApplicationIsUndeployed() throws Exception {
        Assumptions.assumeTrue(ListeningSockets.readable(tomcat.serverPid()), "no /proc here");
        tomcat.removeWar();
        // the host's background check (every 10 s) notices the missing WAR and undeploys the application
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> left = ownThreads();
        while ((!left.isEmpty() || !undeployed()) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            left = ownThreads();
        }
        assertTrue(undeployed(), "Tomcat did not undeploy /diffyne:\n" + tomcat.output());
        assertEquals(List.of(), left, "threads of Diffyne's own still running after the undeployment");
        assertTrue(tomcat.alive());
        assertTrue(!tomcat.allLogs().contains("failed to stop it"), "Tomcat found threads left running:\n"
                + tomcat.allLogs());
        List<String> notWelds = errorLines().stream().filter(line -> !line.contains("checkThreadLocalMapForLeaks")
                || !line.contains("org.jboss.weld.") || line.contains("io.diffyne")).toList();
        assertEquals(List.of(), notWelds);
    }

    private static List<String> errorLines() {
        return ERROR_LINE.matcher(tomcat.allLogs()).results().map(r -> r.group()).toList();
    }

    /** Tomcat's host deletes the unpacked folder last, after stopping the context and its class loader. */
    private static boolean undeployed() {
        return tomcat.output().contains("Undeploying context [/diffyne]") && !tomcat.unpacked();
    }

    private static List<String> ownThreads() throws Exception {
        return tomcat.threadNames().stream().filter(name -> name.startsWith("diffyne-")).toList();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
