package io.diffyne.it;

import java.net.URI;

/**
 * The {@link ServerSmoke} checks on Payara Micro, on the shared Arquillian server (no server of its own): the same
 * checks {@link WildFlySmokeIT} runs on WildFly, against the same WAR.
 */
class PayaraMicroSmokeIT extends AbstractDiffyneIT implements ServerSmoke {

    @Override
    public URI smokeBase() {
        return loopbackBase();
    }
}
