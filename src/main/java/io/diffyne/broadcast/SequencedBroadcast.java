package io.diffyne.broadcast;

import io.diffyne.runtime.BroadcastMessage;

/**
 * A broadcast with its place in its channel: sequence numbers start at 1 and grow by one per broadcast on that
 * channel, so a client that saw {@code seq} 41 and then 43 knows it missed one and can ask for it. JSON of the
 * message it carries, as a client would see it:
 * <pre>{"channel":"room:general","seq":42,"name":"message-sent","data":{"room":"general"}}</pre>
 *
 * @param seq     the per-channel sequence number
 * @param message the broadcast itself
 */
public record SequencedBroadcast(long seq, BroadcastMessage message) {

    public String channel() {
        return message.channel();
    }
}
