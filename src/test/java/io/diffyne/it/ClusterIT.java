package io.diffyne.it;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link ClusterChecks} on two Payara Micro instances clustered by Payara's own data grid: {@code --clustermode
 * tcpip:127.0.0.1:<p1>,127.0.0.1:<p2> --interfaces 127.0.0.1 --clustername <unique> --startport <p>} (never
 * {@code --nocluster} here, never multicast), {@code -Dhazelcast.socket.bind.any=false} so the grid listens on
 * loopback only. Health must name {@code payara-hazelcast}: the WAR's bundled Hazelcast must not shadow Payara's.
 */
class ClusterIT extends ClusterChecks {

    private static final List<PayaraMicroProcess> NODES = new ArrayList<>();
    private static final List<Integer> READY_AT = new ArrayList<>();
    private static final List<Integer> GRID_PORTS = new ArrayList<>();

    @BeforeAll
    static void startTwoClusteredInstances() throws Exception {
        int grid1 = PayaraMicroProcess.freePort();
        int grid2 = PayaraMicroProcess.freePort();
        String members = "tcpip:127.0.0.1:" + grid1 + ",127.0.0.1:" + grid2;
        String name = "diffyne-it-" + UUID.randomUUID();
        int[] ports = {grid1, grid2};
        GRID_PORTS.addAll(List.of(grid1, grid2));
        for (int i = 0; i < 2; i++) {
            NODES.add(start(i, members, name, ports[i]));
        }
        for (int i = 0; i < 2; i++) {
            try {
                NODES.get(i).awaitHealthy(NODES.get(i).base(), Duration.ofSeconds(240));
            } catch (AssertionError e) {
                if (!NODES.get(i).failedInPayarasBoot()) {
                    throw e;
                }
                // Payara's own boot race, not the WAR's: one new start of that instance, said so in the output
                System.out.println("ClusterIT: cluster-payara-" + (i + 1) + " failed in Payara's boot (null context "
                        + "class loader installing the JACC policy provider; its output: "
                        + NODES.get(i).keepLogAs("failed-boot") + "); starting it once more");
                NODES.get(i).close();
                NODES.set(i, start(i, members, name, ports[i]));
                NODES.get(i).awaitHealthy(NODES.get(i).base(), Duration.ofSeconds(240));
            }
        }
        for (PayaraMicroProcess node : NODES) {
            awaitMembers(node.base(), 2);
            READY_AT.add(node.output().length());
        }
    }

    private static PayaraMicroProcess start(int i, String members, String name, int gridPort) throws Exception {
        return PayaraMicroProcess.start("cluster-payara-" + (i + 1),
                java.util.stream.Stream.concat(java.util.stream.Stream.of("-DDIFFYNE_WS_KEY=" + KEY,
                        "-DDIFFYNE_CLUSTER_PAYARA_GRID=true", "-Dhazelcast.socket.bind.any=false",
                        sharedUploadDir(name)), dashboardOn().stream()).toList(),
                List.of("--clustermode", members, "--interfaces", "127.0.0.1", "--clustername", name,
                        "--startport", Integer.toString(gridPort)), null);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (PayaraMicroProcess node : NODES) {
            node.close();
        }
    }

    @AfterEach
    void noSevereLines() {
        for (int i = 0; i < NODES.size(); i++) {
            NODES.get(i).assertNoSevereSince(READY_AT.get(i));
        }
    }

    @Override
    URI base(int node) {
        return NODES.get(node).base();
    }

    @Override
    List<Long> pids() {
        return NODES.stream().map(PayaraMicroProcess::pid).toList();
    }

    @Override
    List<Integer> ports() {
        List<Integer> ports = new ArrayList<>(GRID_PORTS);
        NODES.forEach(node -> ports.add(node.port()));
        return ports;
    }

    @Override
    String bus() {
        return "payara-hazelcast";
    }
}
