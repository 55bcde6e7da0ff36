package io.diffyne.broadcast;

import io.diffyne.runtime.BroadcastMessage;

/**
 * A broadcast with its place in its channel: sequence numbers start at 1 and grow by one per broadcast on that
 * channel, so a client that saw {@code seq} 41 and then 43 knows it missed one and can ask for it. Numbers count
 * within one channel log only, named by its {@code epoch}: a log made anew (a restart, an evicted channel) starts at
 * 1 again with another epoch, so a client compares numbers only within the epoch it holds and starts over on a new
 * one. JSON of the message it carries, as a client would see it:
 * <pre>{"channel":"room:general","ep":"q3Xv9a_Z","seq":42,"name":"message-sent","data":{"room":"general"}}</pre>
 *
 * @param epoch   the id of the channel log that numbered it (see {@link BroadcastBus})
 * @param seq     the per-channel sequence number within that log
 * @param message the broadcast itself
 */
public record SequencedBroadcast(String epoch, long seq, BroadcastMessage message) {

    public String channel() {
        return message.channel();
    }
}
