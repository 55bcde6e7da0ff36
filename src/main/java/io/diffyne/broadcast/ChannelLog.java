package io.diffyne.broadcast;

import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.runtime.ChannelHead;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One channel's epoch, its counter and its last {@code capacity} broadcasts, in a ring. The epoch is fixed when the
 * log is made, so a log made again for the same channel (after a restart or an eviction) numbers from 1 under
 * another epoch. Not thread-safe: the bus guards it.
 */
final class ChannelLog {

    private final String channel;
    private final String epoch;
    private final SequencedBroadcast[] ring;
    private long latest;

    ChannelLog(String channel, String epoch, int capacity) {
        this.channel = channel;
        this.epoch = epoch;
        this.ring = new SequencedBroadcast[capacity];
    }

    SequencedBroadcast append(BroadcastMessage message) {
        latest++;
        SequencedBroadcast sequenced = new SequencedBroadcast(epoch, latest, message);
        ring[(int) (latest % ring.length)] = sequenced;
        return sequenced;
    }

    long latest() {
        return latest;
    }

    ChannelHead head() {
        return new ChannelHead(epoch, latest);
    }

    /** Oldest sequence number still held (latest + 1 when empty). */
    private long oldest() {
        return Math.max(1, latest - ring.length + 1);
    }

    /** What a client that saw {@code afterSeq} of {@code clientEpoch} (null: none known) missed. */
    Replay since(String clientEpoch, long afterSeq) {
        if (afterSeq > 0 && !Objects.equals(clientEpoch, epoch)) {
            // the client's numbers belong to another log: it learns this log's epoch and re-renders
            return new Replay(channel, epoch, List.of(), latest, false);
        }
        if (afterSeq > latest) {
            // numbers this log never issued: give all we have
            return new Replay(channel, epoch, range(oldest()), latest, false);
        }
        long from = Math.max(afterSeq + 1, oldest());
        boolean complete = afterSeq + 1 >= oldest();
        return new Replay(channel, epoch, range(from), latest, complete);
    }

    private List<SequencedBroadcast> range(long from) {
        List<SequencedBroadcast> out = new ArrayList<>((int) Math.max(0, latest - from + 1));
        for (long seq = from; seq <= latest; seq++) {
            out.add(ring[(int) (seq % ring.length)]);
        }
        return out;
    }
}
