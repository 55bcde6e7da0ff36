package io.diffyne.cluster;

import com.hazelcast.core.HazelcastInstance;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Payara's own data grid, bound in JNDI as {@code payara/Hazelcast} (Payara's documented default name) when Payara
 * runs one: Payara Micro without {@code --nocluster}, Payara Server with its Domain Data Grid enabled. A WAR's classes
 * are looked up in the server first, so the instance casts to the {@code HazelcastInstance} this code sees.
 */
final class PayaraGrid {

    static final String JNDI_NAME = "payara/Hazelcast";
    private static final Logger LOG = Logger.getLogger("diffyne.cluster");

    private PayaraGrid() {
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
            return instance.getLifecycleService().isRunning() ? Optional.of(instance) : Optional.empty();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Payara's data grid is not running", e);
            return Optional.empty();
        }
    }
}
