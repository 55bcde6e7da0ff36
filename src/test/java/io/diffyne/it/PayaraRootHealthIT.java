package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The WAR at the context root {@code /} of Payara Micro, as the README command, the browser tests, the nginx test and
 * the image deploy it: there {@code /health} is the path Payara's MicroProfile Health serves, and Diffyne leaves it to
 * Payara (its readiness check is listed there, next to the application's own), keeping
 * {@code /_diffyne/health} for itself. Before, Diffyne's {@code /health} servlet made Payara drop its health
 * endpoints entirely: {@code /health/ready} and {@code /health/live} answered 404.
 */
@Timeout(60)
class PayaraRootHealthIT {

    private static PayaraMicroProcess payara;
    private static int readyAt;

    @BeforeAll
    @Timeout(240)
    static void start() throws Exception {
        payara = PayaraMicroProcess.start("payara-root-health", List.of(), true);
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
}
