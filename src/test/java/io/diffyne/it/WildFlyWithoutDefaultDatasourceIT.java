package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The WAR on a WildFly whose configuration binds no default datasource ({@code java:comp/DefaultDataSource}: the ee
 * subsystem's default binding taken away): the deployment must not fail before the demo chat can fall back to
 * memory. It did while the persistence unit named that datasource and WildFly's JPA subsystem deployed it; the demo
 * opens the unit itself now ({@code jboss.as.jpa.managed=false}). Health UP, the chat in memory and the page saying
 * so, no ERROR in the log.
 */
@Timeout(300)
class WildFlyWithoutDefaultDatasourceIT {

    private static final Pattern DEFAULT_DATASOURCE = Pattern.compile(" datasource=\"java:jboss/datasources/ExampleDS\"");

    @Test
    void theWarDeploysAndTheChatFallsBackToMemory() throws Exception {
        try (WildFlyProcess wildfly = WildFlyProcess.start("wildfly-no-datasource", "standalone-microprofile.xml",
                List.of(), xml -> {
                    assertTrue(DEFAULT_DATASOURCE.matcher(xml).find(), "no default datasource binding to remove");
                    return DEFAULT_DATASOURCE.matcher(xml).replaceFirst("");
                })) {
            wildfly.awaitDeployed(Duration.ofSeconds(200));
            URI base = wildfly.base();
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("chat"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("Messages are kept in memory."), page.body());
            PlatformHealth ready = PlatformHealth.get(wildfly.management().resolve("health/ready"));
            ready.assertListsDiffyneAndTheDemo("/diffyne", "memory");
            String log = wildfly.output();
            assertTrue(log.contains("No usable default datasource for the demo chat"), log);
            assertTrue(log.contains("Demo chat messages are kept in memory"), log);
            assertEquals(List.of(), Pattern.compile("(?m)^.*\\b(ERROR|SEVERE)\\b.*$").matcher(log).results()
                    .map(r -> r.group()).toList());
        }
    }
}
