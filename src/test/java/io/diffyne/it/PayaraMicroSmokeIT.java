package io.diffyne.it;

import java.net.URI;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@link ServerSmoke} checks on Payara Micro, the WAR deployed by Arquillian's Payara Micro adapter
 * ({@code src/test/resources/arquillian.xml}) as an application's own Arquillian tests would deploy theirs: the same
 * checks {@link WildFlySmokeIT} runs on WildFly, against the same WAR.
 */
@ExtendWith(ArquillianExtension.class)
class PayaraMicroSmokeIT extends AbstractDiffyneIT implements ServerSmoke {

    @Override
    public URI smokeBase() {
        return loopbackBase();
    }

    /**
     * The build's browser tests ({@code scripts/e2e.mjs}, before the integration tests) run every browser file, these
     * included, on Payara Micro with the same WAR; the context root {@code /diffyne} is covered on the other servers.
     */
    @Override
    public boolean browserChecksHere() {
        return false;
    }

    /** Payara's MicroProfile Health at the server's root lists Diffyne's readiness check next to the demo's own. */
    @Test
    void payarasReadinessListsDiffyneNextToTheApplicationsOwnCheck() throws Exception {
        URI server = loopbackBase().resolve("/");
        PlatformHealth.get(server.resolve("health/ready")).assertListsDiffyneAndTheDemo(contextPath(), "database");
        PlatformHealth.get(server.resolve("health")).assertListsDiffyneAndTheDemo(contextPath(), "database");
    }
}
