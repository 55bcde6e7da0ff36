package io.diffyne.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.runtime.ChannelHead;
import jakarta.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LocalBroadcastBusTest {

    private static BroadcastMessage message(String channel, String text) {
        return new BroadcastMessage(channel, "message-sent", Json.createValue(text), "client-1");
    }

    /** Epochs "e1", "e2", … in the order logs are made, so outputs are exact. */
    private static LocalBroadcastBus bus(int replay, int maxChannels) {
        AtomicInteger made = new AtomicInteger();
        return new LocalBroadcastBus(replay, maxChannels, () -> "e" + made.incrementAndGet());
    }

    private static List<Long> seqs(List<SequencedBroadcast> messages) {
        return messages.stream().map(SequencedBroadcast::seq).toList();
    }

    @Test
    void numbersEachChannelFromOne() {
        LocalBroadcastBus bus = new LocalBroadcastBus();
        assertEquals(1, bus.publish(message("room:a", "x")).seq());
        assertEquals(2, bus.publish(message("room:a", "y")).seq());
        assertEquals(1, bus.publish(message("room:b", "z")).seq());
        assertEquals(2, bus.head("room:a").seq());
        assertEquals(1, bus.head("room:b").seq());
        assertEquals(0, bus.head("room:never").seq());
    }

    @Test
    void aHeadNamesTheLogsEpochAndNoLogBeforeTheFirstBroadcast() {
        LocalBroadcastBus bus = new LocalBroadcastBus();
        assertEquals(ChannelHead.NONE, bus.head("room:a"));
        assertEquals(0, bus.channelCount(), "reading a head makes no log");
        SequencedBroadcast first = bus.publish(message("room:a", "x"));
        assertEquals(new ChannelHead(first.epoch(), 1), bus.head("room:a"));
    }

    @Test
    void eachLogGetsARandomUrlSafeEpoch() {
        LocalBroadcastBus bus = new LocalBroadcastBus();
        SequencedBroadcast a = bus.publish(message("room:a", "x"));
        SequencedBroadcast b = bus.publish(message("room:b", "y"));
        assertTrue(a.epoch().matches("[A-Za-z0-9_-]{8}"), a.epoch());
        assertEquals(a.epoch(), bus.publish(message("room:a", "z")).epoch(), "one epoch per log");
        assertFalse(a.epoch().equals(b.epoch()));
    }

    @Test
    void deliversToEverySubscriberInOrderUntilClosed() {
        LocalBroadcastBus bus = new LocalBroadcastBus();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        Subscription a = bus.subscribe(b -> first.add(b.channel() + "#" + b.seq()));
        bus.subscribe(b -> second.add(b.channel() + "#" + b.seq()));
        bus.publish(message("room:a", "1"));
        bus.publish(message("room:b", "2"));
        a.close();
        a.close();
        bus.publish(message("room:a", "3"));
        assertEquals(List.of("room:a#1", "room:b#1"), first);
        assertEquals(List.of("room:a#1", "room:b#1", "room:a#2"), second);
    }

    @Test
    void aFailingSubscriberDoesNotStopTheOthers() {
        LocalBroadcastBus bus = new LocalBroadcastBus();
        List<Long> seen = new ArrayList<>();
        bus.subscribe(b -> {
            throw new IllegalStateException("boom");
        });
        bus.subscribe(b -> seen.add(b.seq()));
        bus.publish(message("c", "1"));
        bus.publish(message("c", "2"));
        assertEquals(List.of(1L, 2L), seen);
    }

    @Test
    void replaysWhatWasMissedWhileTheBufferHoldsIt() {
        LocalBroadcastBus bus = bus(4, 100);
        for (int i = 1; i <= 3; i++) {
            bus.publish(message("c", "m" + i));
        }
        Replay replay = bus.since("c", "e1", 1);
        assertEquals(List.of(2L, 3L), seqs(replay.messages()));
        assertEquals("m2", ((jakarta.json.JsonString) replay.messages().get(0).message().data()).getString());
        assertEquals(3, replay.latest());
        assertEquals("e1", replay.epoch());
        assertTrue(replay.complete());

        Replay upToDate = bus.since("c", "e1", 3);
        assertEquals(List.of(), upToDate.messages());
        assertTrue(upToDate.complete());
    }

    @Test
    void saysWhenTheBufferNoLongerHoldsEverything() {
        LocalBroadcastBus bus = bus(4, 100);
        for (int i = 1; i <= 10; i++) {
            bus.publish(message("c", "m" + i));
        }
        Replay exactFit = bus.since("c", "e1", 6);
        assertEquals(List.of(7L, 8L, 9L, 10L), seqs(exactFit.messages()));
        assertTrue(exactFit.complete());

        Replay tooOld = bus.since("c", "e1", 2);
        assertEquals(List.of(7L, 8L, 9L, 10L), seqs(tooOld.messages()));
        assertFalse(tooOld.complete());
    }

    @Test
    void aClientAheadOfTheLogGetsAnIncompleteReplay() {
        LocalBroadcastBus bus = bus(4, 100);
        bus.publish(message("c", "m1"));
        Replay replay = bus.since("c", "e1", 50);
        assertEquals(List.of(1L), seqs(replay.messages()));
        assertFalse(replay.complete());

        Replay unknown = bus.since("never", "e1", 5);
        assertEquals(new Replay("never", null, List.of(), 0, false), unknown);
        assertEquals(new Replay("never", null, List.of(), 0, true), bus.since("never", null, 0));
        assertEquals(1, bus.channelCount(), "reading does not make logs");
    }

    @Test
    void anotherLogsEpochReplaysNothingAndNamesTheLog() {
        // after a restart numbers start again at 1: a client that saw 1 of the old log must not skip the new 1
        LocalBroadcastBus bus = bus(4, 100);
        SequencedBroadcast first = bus.publish(message("c", "m1"));
        bus.publish(message("c", "m2"));
        assertEquals("e1", first.epoch());
        assertEquals(new Replay("c", "e1", List.of(), 2, false), bus.since("c", "e0", 1));
        assertEquals(new Replay("c", "e1", List.of(), 2, false), bus.since("c", null, 1), "no epoch named");
        Replay fromStart = bus.since("c", "e0", 0);
        assertEquals(List.of(1L, 2L), seqs(fromStart.messages()), "0 asks for everything, whatever the epoch");
        assertTrue(fromStart.complete());
    }

    @Test
    void aForgottenChannelStartsANewLogWithANewEpoch() {
        LocalBroadcastBus bus = bus(4, 1);
        bus.publish(message("a", "1"));
        bus.publish(message("a", "2"));
        bus.publish(message("b", "x")); // evicts a
        SequencedBroadcast again = bus.publish(message("a", "3"));
        assertEquals(List.of("e3", "1"), List.of(again.epoch(), String.valueOf(again.seq())));
        Replay stale = bus.since("a", "e1", 2);
        assertEquals(new Replay("a", "e3", List.of(), 1, false), stale);
    }

    @Test
    void remembersABoundedNumberOfChannels() {
        LocalBroadcastBus bus = new LocalBroadcastBus(4, 3);
        for (int i = 0; i < 1000; i++) {
            bus.publish(message("room:" + i, "x"));
        }
        assertEquals(3, bus.channelCount());
        assertEquals(1, bus.head("room:999").seq());
        assertEquals(0, bus.head("room:0").seq(), "the least recently used channel was forgotten");
    }

    @Test
    void concurrentPublishersGetDistinctGaplessNumbersSeenInOrder() throws Exception {
        LocalBroadcastBus bus = new LocalBroadcastBus(10_000, 10);
        List<Long> seen = new CopyOnWriteArrayList<>();
        bus.subscribe(b -> seen.add(b.seq()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 500; i++) {
                    bus.publish(message("c", "x"));
                }
                done.countDown();
            });
        }
        assertTrue(done.await(20, TimeUnit.SECONDS));
        pool.shutdown();
        assertEquals(2000, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i + 1, seen.get(i));
        }
    }
}
