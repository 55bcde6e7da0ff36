package io.diffyne.broadcast;

import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.runtime.ChannelHead;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The in-JVM bus: broadcasts reach the subscribers of this instance only. Memory is bounded: each channel keeps its
 * last {@value #DEFAULT_REPLAY} broadcasts, and at most {@value #DEFAULT_CHANNELS} channels are remembered (the least
 * recently used is forgotten first; a client resuming on a forgotten channel gets an incomplete replay and
 * re-renders). Every channel log gets a random 48-bit epoch when it is made, so numbers after a restart or an
 * eviction are never taken for the old log's.
 */
@ApplicationScoped
public class LocalBroadcastBus implements BroadcastBus {

    static final int DEFAULT_REPLAY = 256;
    static final int DEFAULT_CHANNELS = 10_000;

    private final int replay;
    private final int maxChannels;
    private final Supplier<String> epochs;
    private final Subscribers subscribers = new Subscribers();
    private final LinkedHashMap<String, ChannelLog> channels = new LinkedHashMap<>(64, 0.75f, true);

    public LocalBroadcastBus() {
        this(DEFAULT_REPLAY, DEFAULT_CHANNELS);
    }

    LocalBroadcastBus(int replay, int maxChannels) {
        this(replay, maxChannels, Epochs::random);
    }

    /** {@code epochs} makes the epoch of each new channel log (tests pass a predictable one). */
    LocalBroadcastBus(int replay, int maxChannels, Supplier<String> epochs) {
        if (replay < 1 || maxChannels < 1) {
            throw new IllegalArgumentException("replay and maxChannels must be positive");
        }
        this.replay = replay;
        this.maxChannels = maxChannels;
        this.epochs = epochs;
    }


    @Override
    public SequencedBroadcast publish(BroadcastMessage message) {
        ChannelLog log = log(message.channel());
        // numbering and handing off under the channel's lock keeps every subscriber's view in sequence order
        synchronized (log) {
            SequencedBroadcast sequenced = log.append(message);
            subscribers.deliver(sequenced);
            return sequenced;
        }
    }

    @Override
    public Subscription subscribe(Consumer<SequencedBroadcast> subscriber) {
        return subscribers.add(subscriber);
    }

    @Override
    public Replay since(String channel, String epoch, long afterSeq) {
        ChannelLog log = existing(channel);
        if (log == null) {
            // not made on reading: a resume must not create (and evict) logs
            return new Replay(channel, null, List.of(), 0, afterSeq == 0);
        }
        synchronized (log) {
            return log.since(epoch, afterSeq);
        }
    }

    @Override
    public ChannelHead head(String channel) {
        ChannelLog log = existing(channel);
        if (log == null) {
            return ChannelHead.NONE;
        }
        synchronized (log) {
            return log.head();
        }
    }

    int channelCount() {
        synchronized (channels) {
            return channels.size();
        }
    }

    private ChannelLog existing(String channel) {
        synchronized (channels) {
            return channels.get(channel);
        }
    }

    private ChannelLog log(String channel) {
        synchronized (channels) {
            ChannelLog log = channels.computeIfAbsent(channel, c -> new ChannelLog(c, epochs.get(), replay));
            if (channels.size() > maxChannels) {
                Iterator<Map.Entry<String, ChannelLog>> eldest = channels.entrySet().iterator();
                eldest.next();
                eldest.remove();
            }
            return log;
        }
    }
}
