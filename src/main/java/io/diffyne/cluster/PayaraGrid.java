package io.diffyne.cluster;

import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.HazelcastInstance;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Payara's own data grid, bound in JNDI as {@code payara/Hazelcast} (Payara's documented default name) when Payara
 * runs one: Payara Micro without {@code --nocluster}, Payara Server with its Domain Data Grid enabled. Asked only when
 * {@code DIFFYNE_CLUSTER_PAYARA_GRID=true}: Payara Micro's {@code --nocluster} still binds a running instance, with
 * Hazelcast's auto-detection on, that looks like a one-member cluster. A WAR's classes
 * are looked up in the server first, so the instance casts to the {@code HazelcastInstance} this code sees.
 */
final class PayaraGrid {

    static final String JNDI_NAME = "payara/Hazelcast";
    private static final Logger LOG = Logger.getLogger("diffyne.cluster");

    private PayaraGrid() {
    }

    /**
     * Whether the grid is set to find other members: one of Payara's discovery modes (multicast, tcpip, domain and
     * dns, the last two discovery strategies) or a cloud one is on. Hazelcast's auto-detection alone does not count.
     */
    static boolean joins(JoinConfig join) {
        return join.getMulticastConfig().isEnabled() || join.getTcpIpConfig().isEnabled()
                || !join.getDiscoveryConfig().getDiscoveryStrategyConfigs().isEmpty()
                || join.getAwsConfig().isEnabled() || join.getGcpConfig().isEnabled()
                || join.getAzureConfig().isEnabled() || join.getKubernetesConfig().isEnabled()
                || join.getEurekaConfig().isEnabled();
    }

    /** The running instance, or empty outside Payara, with clustering off, or when it cannot be used here. */
    static Optional<HazelcastInstance> lookup() {
        Object found;
        try {
            found = new InitialContext().lookup(JNDI_NAME);
        } catch (NamingException | RuntimeException e) {
            LOG.log(Level.FINE, "No data grid at " + JNDI_NAME, e);
            return Optional.empty();
        }
        if (!(found instanceof HazelcastInstance instance)) {
            if (found != null) {
                LOG.warning(JNDI_NAME + " is a " + found.getClass().getName() + " from another class loader than this"
                        + " application's Hazelcast: the WAR must not load Hazelcast before the server does."
                        + " Using no grid");
            }
            return Optional.empty();
        }
        try {
            if (!instance.getLifecycleService().isRunning()) {
                return Optional.empty();
            }
            if (!joins(instance.getConfig().getNetworkConfig().getJoin())) {
                // a grid that cannot find members (e.g. one whose discovery was turned off) is no cluster
                LOG.info("Payara's data grid has no discovery mode on: Diffyne uses no grid");
                return Optional.empty();
            }
            return Optional.of(instance);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Payara's data grid is not running", e);
            return Optional.empty();
        }
    }
}
