package io.diffyne.cluster;

import io.diffyne.broadcast.BroadcastBus;
import io.diffyne.broadcast.Epochs;
import io.diffyne.broadcast.Replay;
import io.diffyne.broadcast.SequencedBroadcast;
import io.diffyne.broadcast.Subscribers;
import io.diffyne.broadcast.Subscription;
import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.runtime.ChannelHead;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.ReliableMessageListener;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bus on a Hazelcast grid. One map holds every channel's {@code epoch:latest} (the channel's log head, made with a
 * new random epoch when absent: first use, eviction, or a grid that lost it); another holds the last
 * {@link GridMaps#REPLAY} broadcasts of each channel under {@code channel NUL seq}; a reliable topic carries every
 * broadcast to every member's subscribers. Publishing holds the channel's map lock from numbering until the broadcast
 * is on the topic, and the topic is one ring buffer, so every member's subscribers see a channel in sequence order.
 * Values are JSON strings: nothing of this application is deserialized inside the grid.
 */
final class HazelcastBroadcastBus implements BroadcastBus {

    private static final Logger LOG = Logger.getLogger("diffyne.cluster");

    private final IMap<String, String> heads;
    private final IMap<String, String> replay;
    private final ITopic<String> topic;
    private final int capacity;
    private final Subscribers subscribers = new Subscribers();
    private final UUID listener;

    HazelcastBroadcastBus(HazelcastInstance grid, int capacity) {
        this.heads = grid.getMap(GridMaps.CHANNELS);
        this.replay = grid.getMap(GridMaps.REPLAY_LOG);
        this.topic = grid.getReliableTopic(GridMaps.TOPIC);
        this.capacity = capacity;
        this.listener = topic.addMessageListener(new Deliveries());
    }

    @Override
    public SequencedBroadcast publish(BroadcastMessage message) {
        String channel = message.channel();
        heads.lock(channel, 30, TimeUnit.SECONDS);
        try {
            Head head = Head.parse(heads.get(channel));
            Head next = head == null ? new Head(Epochs.random(), 1) : new Head(head.epoch(), head.latest() + 1);
            SequencedBroadcast sequenced = new SequencedBroadcast(next.epoch(), next.latest(), message);
            String encoded = BroadcastCodec.encode(sequenced);
            replay.set(replayKey(channel, next.latest()), encoded);
            if (next.latest() > capacity) {
                replay.delete(replayKey(channel, next.latest() - capacity));
            }
            heads.set(channel, next.toString());
            topic.publish(encoded);
            return sequenced;
        } finally {
            heads.unlock(channel);
        }
    }

    @Override
    public Subscription subscribe(Consumer<SequencedBroadcast> subscriber) {
        return subscribers.add(subscriber);
    }

    @Override
    public Replay since(String channel, String epoch, long afterSeq) {
        Head head = Head.parse(heads.get(channel));
        if (head == null) {
            return new Replay(channel, null, List.of(), 0, afterSeq == 0);
        }
        long latest = head.latest();
        if (afterSeq > 0 && !Objects.equals(epoch, head.epoch())) {
            return new Replay(channel, head.epoch(), List.of(), latest, false);
        }
        long oldest = Math.max(1, latest - capacity + 1);
        boolean beyond = afterSeq > latest;
        long from = beyond ? oldest : Math.max(afterSeq + 1, oldest);
        boolean complete = !beyond && afterSeq + 1 >= oldest;
        Set<String> keys = new LinkedHashSet<>();
        for (long seq = from; seq <= latest; seq++) {
            keys.add(replayKey(channel, seq));
        }
        Map<String, String> found = replay.getAll(keys);
        List<SequencedBroadcast> messages = new ArrayList<>(keys.size());
        for (String key : keys) {
            String text = found.get(key);
            if (text == null) {
                // evicted from the grid: only what follows the gap is in order, and the replay is not whole
                messages.clear();
                complete = false;
                continue;
            }
            SequencedBroadcast sequenced = BroadcastCodec.decode(text);
            if (!sequenced.epoch().equals(head.epoch())) {
                // an older log's leftover under the same number
                messages.clear();
                complete = false;
                continue;
            }
            messages.add(sequenced);
        }
        return new Replay(channel, head.epoch(), messages, latest, complete);
    }

    @Override
    public ChannelHead head(String channel) {
        Head head = Head.parse(heads.get(channel));
        return head == null ? ChannelHead.NONE : new ChannelHead(head.epoch(), head.latest());
    }

    void close() {
        try {
            topic.removeMessageListener(listener);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The broadcast topic's listener was already gone", e);
        }
    }

    private static String replayKey(String channel, long seq) {
        return channel + '\u0000' + seq;
    }

    /** A channel log's head as the grid stores it: {@code epoch:latest}. */
    private record Head(String epoch, long latest) {

        static Head parse(String text) {
            if (text == null) {
                return null;
            }
            int colon = text.lastIndexOf(':');
            return new Head(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
        }

        @Override
        public String toString() {
            return epoch + ':' + latest;
        }
    }

    /**
     * Hands each broadcast of the topic to this member's subscribers, on the topic's thread, in ring buffer order.
     * Loss tolerant: a member too slow for the ring buffer skips what was overwritten (its clients see the gap in the
     * numbers and ask for a replay) instead of being unsubscribed for good.
     */
    private final class Deliveries implements ReliableMessageListener<String> {

        @Override
        public void onMessage(Message<String> message) {
            SequencedBroadcast sequenced;
            try {
                sequenced = BroadcastCodec.decode(message.getMessageObject());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Ignored a broadcast the grid carried that is not Diffyne's", e);
                return;
            }
            subscribers.deliver(sequenced);
        }

        @Override
        public long retrieveInitialSequence() {
            return -1; // from the next broadcast on
        }

        @Override
        public void storeSequence(long sequence) {
            // nothing to keep: a restarted member starts from the next broadcast, its clients resume by replay
        }

        @Override
        public boolean isLossTolerant() {
            return true;
        }

        @Override
        public boolean isTerminal(Throwable failure) {
            return false;
        }
    }
}
