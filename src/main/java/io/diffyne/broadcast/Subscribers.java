package io.diffyne.broadcast;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A bus's subscribers on this instance: every bus hands each numbered broadcast to them the same way, and one that
 * throws never stops delivery to the others.
 */
public final class Subscribers {

    private static final Logger LOG = Logger.getLogger("diffyne.broadcast");

    private final List<Consumer<SequencedBroadcast>> subscribers = new CopyOnWriteArrayList<>();

    public Subscription add(Consumer<SequencedBroadcast> subscriber) {
        // a wrapper per call, so the same consumer subscribed twice is removed one subscription at a time
        Consumer<SequencedBroadcast> entry = subscriber::accept;
        subscribers.add(entry);
        return () -> subscribers.remove(entry);
    }

    public void deliver(SequencedBroadcast sequenced) {
        for (Consumer<SequencedBroadcast> subscriber : subscribers) {
            try {
                subscriber.accept(sequenced);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "A broadcast subscriber failed on channel '" + sequenced.channel()
                        + "' seq " + sequenced.seq() + "; the other subscribers still receive it", e);
            }
        }
    }
}
