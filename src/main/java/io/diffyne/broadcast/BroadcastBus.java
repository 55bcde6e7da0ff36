package io.diffyne.broadcast;

import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.runtime.ChannelHeads;

import java.util.function.Consumer;

/**
 * Carries broadcasts from the component that made them to every transport that has listening clients, numbered per
 * channel. Implementations: {@link LocalBroadcastBus} (one JVM, the default); a cluster bus (e.g. Hazelcast) is a
 * CDI {@code @Alternative} with a {@code @Priority}, so choosing it needs no code change elsewhere.
 * <p>
 * Contract every implementation keeps: each channel has one log at a time, named by an epoch (a short id made with the
 * log, never reused, the same on every instance of a cluster: it belongs to the log, not to a server); sequence
 * numbers within a log start at 1 and grow by one; a log made anew (a restart, an evicted channel, a lost cluster
 * log) gets a new epoch, so clients never mistake its numbers for the old log's; subscribers see one channel's
 * broadcasts in sequence order; a subscriber that throws never stops delivery to the others.
 */
public interface BroadcastBus extends ChannelHeads {

    /** Numbers the message in its channel, retains it for replay, and hands it to every subscriber. */
    SequencedBroadcast publish(BroadcastMessage message);

    /**
     * Registers a subscriber for every channel's broadcasts. It is called on the publishing thread, so it must only
     * hand the message off (enqueue), never block or render.
     */
    Subscription subscribe(Consumer<SequencedBroadcast> subscriber);

    /**
     * The retained broadcasts of {@code channel} after {@code afterSeq} of {@code epoch} (0 = from the start; a null
     * epoch = none known). When {@code epoch} is not the channel log's, nothing is replayed and the replay is
     * incomplete: the client's numbers mean nothing to this log.
     */
    Replay since(String channel, String epoch, long afterSeq);
}
