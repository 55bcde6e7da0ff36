package io.diffyne.cluster;

import io.diffyne.broadcast.BroadcastBus;
import io.diffyne.broadcast.LocalBroadcastBus;
import io.diffyne.runtime.ActionAnswers;
import io.diffyne.runtime.IdempotencyCache;
import io.diffyne.runtime.IssuedVersions;
import io.diffyne.runtime.LocalIssuedVersions;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;

/**
 * Hands CDI the bus, the version records and the answers of the grid {@link GridSource} chose, or the in-JVM ones
 * when it chose none. An enabled alternative, so its {@link BroadcastBus} wins over the {@link LocalBroadcastBus}
 * bean, which then serves only as the local choice.
 */
@Alternative
@Priority(Interceptor.Priority.LIBRARY_AFTER)
@ApplicationScoped
public class ClusterProducers {

    @Produces
    @ApplicationScoped
    BroadcastBus bus(GridSource source, LocalBroadcastBus local) {
        return source.grid().map(Grid::bus).orElse(local);
    }

    @Produces
    @ApplicationScoped
    IssuedVersions versions(GridSource source) {
        return source.grid().map(Grid::versions).orElseGet(LocalIssuedVersions::new);
    }

    @Produces
    @ApplicationScoped
    ActionAnswers answers(GridSource source) {
        return source.grid().map(Grid::answers).orElseGet(IdempotencyCache::new);
    }
}
