/**
 * The cluster: the broadcast bus, the newest-version records and the answers to repeated requestIds on a Hazelcast
 * data grid shared by every instance. {@link io.diffyne.cluster.GridSource} picks the grid at deployment: Payara's
 * own {@code HazelcastInstance} (JNDI {@code payara/Hazelcast}) when the server runs one, else an embedded member when
 * {@code DIFFYNE_CLUSTER_MEMBERS} is set, else none, and then the in-JVM classes serve as before.
 * {@link io.diffyne.cluster.ClusterProducers} hands the chosen implementations to CDI. Only the classes whose names
 * start with {@code Hazelcast} or {@code Embedded}/{@code Payara} touch Hazelcast's API, and they are loaded only once
 * a grid is chosen. Depends on {@code broadcast}, {@code runtime} and {@code config}; nothing depends on it but health.
 */
package io.diffyne.cluster;
