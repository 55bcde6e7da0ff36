package io.diffyne.broadcast;

import java.util.List;

/**
 * What a channel can replay after a given sequence number.
 *
 * @param channel  the channel
 * @param messages the retained broadcasts after the asked-for number, oldest first
 * @param latest   the channel's latest sequence number (0 when it has had none)
 * @param complete whether {@code messages} is everything the client missed; false when the buffer no longer holds
 *                 the oldest of them, or the client claims a number this bus never reached (a restart, an evicted
 *                 channel): the client should then re-render its components instead of trusting the replay
 */
public record Replay(String channel, List<SequencedBroadcast> messages, long latest, boolean complete) {

    public Replay {
        messages = List.copyOf(messages);
    }
}
