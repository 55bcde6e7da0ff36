package io.diffyne.dashboard;

import io.diffyne.broadcast.BroadcastBus;
import io.diffyne.broadcast.SequencedBroadcast;
import io.diffyne.broadcast.Subscription;
import io.diffyne.broadcast.SystemChannels;
import io.diffyne.metrics.Metrics;
import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.transport.http.HttpScheduler;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every instance's figures on every instance's dashboard: with {@code DIFFYNE_DASHBOARD=true}, this instance publishes
 * its {@link InstanceFigures} on the bus's system channel {@link SystemChannels#INSTANCES} every
 * {@link #PUBLISH_EVERY_SECONDS} seconds and keeps what the others publish ({@link InstanceBoard}), dropping an
 * instance not heard from for {@link #TIMEOUT_SECONDS} seconds. On the local bus it lists itself only. Nothing is
 * published with the dashboard off. A failed publish (the grid gone) is logged at FINE and tried again next time.
 */
@ApplicationScoped
public class ClusterFigures {

    static final long PUBLISH_EVERY_SECONDS = 5;
    static final long TIMEOUT_SECONDS = 20;
    static final String EVENT = "figures";
    private static final Logger LOG = Logger.getLogger("diffyne.metrics");

    @Inject
    BroadcastBus bus;

    @Inject
    Metrics metrics;

    @Inject
    Instances instances;

    @Inject
    DashboardAccess access;

    @Inject
    HttpScheduler scheduler;

    private final InstanceBoard board = new InstanceBoard(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    private Subscription subscription;
    private ScheduledFuture<?> publishing;

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!access.enabled()) {
            return;
        }
        listen();
        publishing = scheduler.executor().scheduleWithFixedDelay(this::publish, 1, PUBLISH_EVERY_SECONDS,
                TimeUnit.SECONDS);
    }

    void listen() {
        subscription = bus.subscribe(this::onBroadcast);
    }

    @PreDestroy
    void stop() {
        if (publishing != null) {
            publishing.cancel(false);
        }
        if (subscription != null) {
            subscription.close();
        }
    }

    /** This instance first, then every other instance heard from within the timeout, by name. */
    public List<InstanceBoard.Listed> live() {
        return board.live(self(), System.currentTimeMillis());
    }

    private InstanceFigures self() {
        return InstanceFigures.of(instances.id(), instances.report(), metrics.snapshot());
    }

    void publish() {
        try {
            board.prune(System.currentTimeMillis());
            bus.publish(new BroadcastMessage(SystemChannels.INSTANCES, EVENT, self().toJson(), null));
        } catch (RuntimeException e) {
            // never let it escape: the executor would not run this again
            LOG.log(Level.FINE, "This instance's figures were not published to the others", e);
        }
    }

    /** On the publishing thread (the grid's): parse and keep, nothing more. */
    private void onBroadcast(SequencedBroadcast broadcast) {
        if (!SystemChannels.INSTANCES.equals(broadcast.channel()) || !EVENT.equals(broadcast.message().name())) {
            return;
        }
        InstanceFigures.parse(broadcast.message().data())
                .ifPresentOrElse(f -> board.heard(f, System.currentTimeMillis()),
                        () -> LOG.fine("Ignored instance figures that are not Diffyne's (another version?)"));
    }
}
