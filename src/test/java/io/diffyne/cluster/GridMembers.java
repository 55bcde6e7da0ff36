package io.diffyne.cluster;

import io.diffyne.config.ClusterSettings;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Embedded members on 127.0.0.1 and free ports, configured as the application configures its own. */
final class GridMembers {

    private GridMembers() {
    }

    static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            List<Integer> ports = sockets.stream().map(ServerSocket::getLocalPort).toList();
            for (ServerSocket socket : sockets) {
                socket.close();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClusterSettings settings(String name, List<Integer> ports, int port) {
        return new ClusterSettings(ports.stream().map(p -> "127.0.0.1:" + p).toList(), name, port, Optional.empty(), false);
    }

    /** Starts one member per port, all joined into one cluster with a name no other test run uses. */
    static List<HazelcastInstance> start(List<Integer> ports) {
        String name = "diffyne-test-" + UUID.randomUUID();
        List<HazelcastInstance> members = new ArrayList<>();
        for (int port : ports) {
            members.add(start(settings(name, ports, port)));
        }
        return members;
    }

    static HazelcastInstance start(ClusterSettings settings) {
        Config config = EmbeddedMember.config(settings);
        // a test cluster forms at once: no grace period before the join, short heartbeats
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setInstanceName(config.getInstanceName() + "-" + UUID.randomUUID());
        return Hazelcast.newHazelcastInstance(config);
    }
}
