package io.diffyne.broadcast;

import java.util.List;

/**
 * What a channel can replay to a client that saw up to a given sequence number of a given epoch.
 *
 * @param channel  the channel
 * @param epoch    the epoch of the channel's log now, which the client should hold from here on; null when the
 *                 channel has no log (it had no broadcast since a restart, or was evicted and had none since)
 * @param messages the retained broadcasts after the asked-for number, oldest first; empty when the client's epoch
 *                 is not the log's (its numbers mean nothing to this log)
 * @param latest   the channel's latest sequence number in {@code epoch} (0 when it has had none)
 * @param complete whether {@code messages} is everything the client missed; false when the buffer no longer holds
 *                 the oldest of them, when the client's epoch is another log's (a restart, an evicted channel, a
 *                 lost cluster log), or when it claims a number this log never reached: the client should then
 *                 re-render its components instead of trusting the replay
 */
public record Replay(String channel, String epoch, List<SequencedBroadcast> messages, long latest, boolean complete) {

    public Replay {
        messages = List.copyOf(messages);
    }
}
