package io.diffyne.cluster;

import io.diffyne.broadcast.BroadcastBus;
import io.diffyne.runtime.ActionAnswers;
import io.diffyne.runtime.IssuedVersions;

/**
 * A data grid's implementations of the three cluster-wide seams. Written without Hazelcast's types, so the CDI beans
 * that hold one load on a server without Hazelcast.
 */
interface Grid extends AutoCloseable {

    BroadcastBus bus();

    IssuedVersions versions();

    ActionAnswers answers();

    ClusterStatus status();

    /** Stops listening; an embedded member also leaves the cluster. */
    @Override
    void close();
}
