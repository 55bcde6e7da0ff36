package io.diffyne.it;

import java.net.URI;

import org.junit.jupiter.api.Test;

/**
 * The {@link ServerSmoke} checks on Payara Micro, on the shared Arquillian server (no server of its own): the same
 * checks {@link WildFlySmokeIT} runs on WildFly, against the same WAR.
 */
class PayaraMicroSmokeIT extends AbstractDiffyneIT implements ServerSmoke {

    @Override
    public URI smokeBase() {
        return loopbackBase();
    }

    /** Payara's MicroProfile Health at the server's root lists Diffyne's readiness check next to the demo's own. */
    @Test
    void payarasReadinessListsDiffyneNextToTheApplicationsOwnCheck() throws Exception {
        URI server = loopbackBase().resolve("/");
        PlatformHealth.get(server.resolve("health/ready")).assertListsDiffyneAndTheDemo(contextPath(), "database");
        PlatformHealth.get(server.resolve("health")).assertListsDiffyneAndTheDemo(contextPath(), "database");
    }
}
