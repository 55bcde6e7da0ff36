package io.diffyne.cluster;

import io.diffyne.config.ClusterSettings;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * Starts the Hazelcast member of a server without a grid of its own, from {@code DIFFYNE_CLUSTER_*}: TCP/IP join to
 * the listed members only (multicast and auto-detection off), phone home off, bound to one address when one is
 * known (then nothing listens beyond it), logging through java.util.logging like the rest of Diffyne.
 */
final class EmbeddedMember {

    private EmbeddedMember() {
    }

    static Config config(ClusterSettings settings) {
        Config config = new Config();
        config.setClusterName(settings.name());
        config.setInstanceName("diffyne-" + settings.name() + "-" + settings.port());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        // the application shuts its member down when it is undeployed; the JVM's hook would race the server's own
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(false);
        settings.effectiveBindAddress().ifPresent(address -> {
            network.getInterfaces().setEnabled(true).addInterface(address);
            network.setPublicAddress(address + ":" + settings.port());
            config.setProperty("hazelcast.socket.bind.any", "false");
        });
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
        return GridMaps.addTo(config);
    }

    static HazelcastInstance start(ClusterSettings settings) {
        return Hazelcast.newHazelcastInstance(config(settings));
    }
}
