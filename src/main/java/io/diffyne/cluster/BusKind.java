package io.diffyne.cluster;

/** Which broadcast bus (and stores) an instance uses, as health reports it. */
public enum BusKind {
    /** The in-JVM classes: one instance, no grid. */
    LOCAL("local"),
    /** Payara's own data grid (Payara Micro's {@code --clustermode}, Payara Server's Domain Data Grid). */
    PAYARA_HAZELCAST("payara-hazelcast"),
    /** A Hazelcast member this application started from {@code DIFFYNE_CLUSTER_*}. */
    EMBEDDED_HAZELCAST("embedded-hazelcast");

    private final String wireName;

    BusKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
