package io.diffyne.broadcast;

import io.diffyne.runtime.BroadcastMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * One channel's counter and its last {@code capacity} broadcasts, in a ring. Not thread-safe: the bus guards it.
 */
final class ChannelLog {

    private final String channel;
    private final SequencedBroadcast[] ring;
    private long latest;

    ChannelLog(String channel, int capacity) {
        this.channel = channel;
        this.ring = new SequencedBroadcast[capacity];
    }

    SequencedBroadcast append(BroadcastMessage message) {
        latest++;
        SequencedBroadcast sequenced = new SequencedBroadcast(latest, message);
        ring[(int) (latest % ring.length)] = sequenced;
        return sequenced;
    }

    long latest() {
        return latest;
    }

    /** Oldest sequence number still held (latest + 1 when empty). */
    private long oldest() {
        return Math.max(1, latest - ring.length + 1);
    }

    Replay since(long afterSeq) {
        if (afterSeq > latest) {
            // the client saw numbers this log never issued: a restart or an evicted channel; give all we have
            return new Replay(channel, range(oldest()), latest, false);
        }
        long from = Math.max(afterSeq + 1, oldest());
        boolean complete = afterSeq + 1 >= oldest();
        return new Replay(channel, range(from), latest, complete);
    }

    private List<SequencedBroadcast> range(long from) {
        List<SequencedBroadcast> out = new ArrayList<>((int) Math.max(0, latest - from + 1));
        for (long seq = from; seq <= latest; seq++) {
            out.add(ring[(int) (seq % ring.length)]);
        }
        return out;
    }
}
