package io.diffyne.broadcast;

import io.diffyne.runtime.BroadcastMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

/**
 * Where the core's announcement meets the bus: the runtime fires a {@link BroadcastMessage} CDI event and this puts
 * it on whichever {@link BroadcastBus} is enabled. Kept apart from the bus so an alternative bus does not leave the
 * local one observing too.
 */
@ApplicationScoped
public class BroadcastRelay {

    private final BroadcastBus bus;

    @Inject
    public BroadcastRelay(BroadcastBus bus) {
        this.bus = bus;
    }

    /** For CDI's client proxy only. */
    protected BroadcastRelay() {
        this.bus = null;
    }

    void onBroadcast(@Observes BroadcastMessage message) {
        bus.publish(message);
    }

    void onAsyncBroadcast(@ObservesAsync BroadcastMessage message) {
        bus.publish(message);
    }
}
