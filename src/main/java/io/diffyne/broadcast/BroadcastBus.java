package io.diffyne.broadcast;

import io.diffyne.runtime.BroadcastMessage;

import java.util.function.Consumer;

/**
 * Carries broadcasts from the component that made them to every transport that has listening clients, numbered per
 * channel. Implementations: {@link LocalBroadcastBus} (one JVM, the default); a cluster bus (e.g. Hazelcast) is a
 * CDI {@code @Alternative} with a {@code @Priority}, so choosing it needs no code change elsewhere.
 * <p>
 * Contract every implementation keeps: sequence numbers per channel start at 1 and grow by one; subscribers see one
 * channel's broadcasts in sequence order; a subscriber that throws never stops delivery to the others.
 */
public interface BroadcastBus {

    /** Numbers the message in its channel, retains it for replay, and hands it to every subscriber. */
    SequencedBroadcast publish(BroadcastMessage message);

    /**
     * Registers a subscriber for every channel's broadcasts. It is called on the publishing thread, so it must only
     * hand the message off (enqueue), never block or render.
     */
    Subscription subscribe(Consumer<SequencedBroadcast> subscriber);

    /** The retained broadcasts of {@code channel} after {@code afterSeq} (0 = from the start). */
    Replay since(String channel, long afterSeq);

    /** The channel's latest sequence number, 0 when it has had none. */
    long latest(String channel);
}
