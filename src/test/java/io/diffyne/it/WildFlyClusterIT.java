package io.diffyne.it;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link ClusterChecks} on two WildFly instances, which have no data grid: each WAR starts the embedded Hazelcast
 * member from {@code DIFFYNE_CLUSTER_MEMBERS}, {@code DIFFYNE_CLUSTER_NAME} and {@code DIFFYNE_CLUSTER_PORT} (all on
 * 127.0.0.1, so it binds loopback only). The same WAR, byte for byte, as {@link ClusterIT} deploys on Payara.
 */
class WildFlyClusterIT extends ClusterChecks {

    private static final List<WildFlyProcess> NODES = new ArrayList<>();
    private static final List<Integer> GRID_PORTS = new ArrayList<>();

    @BeforeAll
    static void startTwoClusteredInstances() throws Exception {
        int grid1 = PayaraMicroProcess.freePort();
        int grid2 = PayaraMicroProcess.freePort();
        String members = "127.0.0.1:" + grid1 + ",127.0.0.1:" + grid2;
        String name = "diffyne-it-" + UUID.randomUUID();
        int[] ports = {grid1, grid2};
        GRID_PORTS.addAll(List.of(grid1, grid2));
        for (int i = 0; i < 2; i++) {
            List<String> settings = new ArrayList<>(List.of("-DDIFFYNE_WS_KEY=" + KEY,
                    "-DDIFFYNE_CLUSTER_MEMBERS=" + members, "-DDIFFYNE_CLUSTER_NAME=" + name,
                    "-DDIFFYNE_CLUSTER_PORT=" + ports[i], sharedUploadDir(name)));
            settings.addAll(dashboardOn());
            NODES.add(WildFlyProcess.start("cluster-wildfly-" + (i + 1), settings));
        }
        for (WildFlyProcess node : NODES) {
            node.awaitDeployed(Duration.ofSeconds(240));
        }
        for (WildFlyProcess node : NODES) {
            awaitMembers(node.base(), 2);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (WildFlyProcess node : NODES) {
            node.close();
        }
    }

    @Override
    URI base(int node) {
        return NODES.get(node).base();
    }

    @Override
    List<Long> pids() {
        return NODES.stream().map(WildFlyProcess::serverPid).toList();
    }

    @Override
    List<Integer> ports() {
        List<Integer> ports = new ArrayList<>(GRID_PORTS);
        NODES.forEach(node -> ports.add(node.port()));
        return ports;
    }

    @Override
    String bus() {
        return "embedded-hazelcast";
    }
}
