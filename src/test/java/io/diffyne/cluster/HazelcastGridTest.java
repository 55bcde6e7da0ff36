package io.diffyne.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.broadcast.Replay;
import io.diffyne.broadcast.SequencedBroadcast;
import io.diffyne.broadcast.Subscription;
import io.diffyne.protocol.ErrorType;
import io.diffyne.runtime.ActionResult;
import io.diffyne.runtime.BroadcastMessage;

import com.hazelcast.core.HazelcastInstance;

import jakarta.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The cluster implementations on three embedded members in this JVM (127.0.0.1, free ports, TCP/IP join). */
@Timeout(120)
class HazelcastGridTest {

    private static final long WAIT_MILLIS = 15_000;

    private static List<HazelcastInstance> members;
    private static List<HazelcastGrid> grids;
    private static final AtomicInteger CHANNELS = new AtomicInteger();

    @BeforeAll
    static void startMembers() {
        members = GridMembers.start(GridMembers.freePorts(3));
        grids = new ArrayList<>();
        for (HazelcastInstance member : members) {
            grids.add(new HazelcastGrid(member, BusKind.EMBEDDED_HAZELCAST, true));
        }
        waitFor(() -> members.get(0).getCluster().getMembers().size() == 3, "three members joined");
    }

    @AfterAll
    static void stopMembers() {
        if (grids != null) {
            grids.forEach(HazelcastGrid::close);
        }
    }

    private static String channel() {
        return "room:test-" + CHANNELS.incrementAndGet();
    }

    private static BroadcastMessage message(String channel, String text) {
        return new BroadcastMessage(channel, "message-sent", Json.createObjectBuilder().add("text", text).build(),
                "client-1");
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static List<SequencedBroadcast> take(BlockingQueue<SequencedBroadcast> queue, String channel, int count)
            throws InterruptedException {
        List<SequencedBroadcast> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (out.size() < count) {
            SequencedBroadcast next = queue.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("got " + out.size() + " of " + count + " broadcasts on " + channel);
            }
            if (next.channel().equals(channel)) {
                out.add(next);
            }
        }
        return out;
    }

    @Test
    void aBroadcastPublishedOnOneMemberReachesEveryMembersSubscribers() throws Exception {
        String channel = channel();
        List<BlockingQueue<SequencedBroadcast>> received = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        for (HazelcastGrid grid : grids) {
            BlockingQueue<SequencedBroadcast> queue = new LinkedBlockingQueue<>();
            received.add(queue);
            subscriptions.add(grid.bus().subscribe(queue::add));
        }
        try {
            SequencedBroadcast sent = grids.get(0).bus().publish(message(channel, "hello"));
            for (BlockingQueue<SequencedBroadcast> queue : received) {
                SequencedBroadcast got = take(queue, channel, 1).get(0);
                assertEquals(sent.epoch(), got.epoch());
                assertEquals(1, got.seq());
                assertEquals("hello", ((jakarta.json.JsonObject) got.message().data()).getString("text"));
                assertEquals("client-1", got.message().origin());
            }
        } finally {
            subscriptions.forEach(Subscription::close);
        }
    }

    @Test
    void oneChannelHasOneSequenceAcrossMembersAndEverySubscriberSeesItInOrder() throws Exception {
        String channel = channel();
        BlockingQueue<SequencedBroadcast> onThird = new LinkedBlockingQueue<>();
        try (Subscription ignored = grids.get(2).bus().subscribe(onThird::add)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<SequencedBroadcast>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                HazelcastGrid grid = grids.get(i % 2);
                String text = "m" + i;
                sent.add(pool.submit(() -> grid.bus().publish(message(channel, text))));
            }
            Set<Long> seqs = new java.util.TreeSet<>();
            Set<String> epochs = new java.util.HashSet<>();
            for (Future<SequencedBroadcast> future : sent) {
                SequencedBroadcast s = future.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                seqs.add(s.seq());
                epochs.add(s.epoch());
            }
            pool.shutdown();
            assertEquals(40, seqs.size(), "no number given twice");
            assertEquals(1L, seqs.iterator().next());
            assertEquals(1, epochs.size(), "one log");
            List<SequencedBroadcast> got = take(onThird, channel, 40);
            for (int i = 0; i < 40; i++) {
                assertEquals(i + 1, got.get(i).seq(), "in sequence order on the member that published none");
            }
            assertEquals(40, grids.get(2).bus().head(channel).seq());
        }
    }

    @Test
    void aClientResumingOnAnotherMemberGetsWhatItMissedInOrderOnceEvenAfterTheMemberLeft() throws Exception {
        List<Integer> ports = new ArrayList<>();
        for (HazelcastInstance member : members) {
            ports.add(member.getCluster().getLocalMember().getAddress().getPort());
        }
        String name = members.get(0).getConfig().getClusterName();
        int extraPort = GridMembers.freePorts(1).get(0);
        ports.add(extraPort);
        HazelcastGrid leaving = new HazelcastGrid(GridMembers.start(GridMembers.settings(name, ports, extraPort)),
                BusKind.EMBEDDED_HAZELCAST, true);
        waitFor(() -> members.get(0).getCluster().getMembers().size() == 4, "the fourth member joined");
        String channel = channel();
        SequencedBroadcast first = leaving.bus().publish(message(channel, "a"));
        leaving.bus().publish(message(channel, "b"));
        leaving.bus().publish(message(channel, "c"));
        leaving.close();
        waitFor(() -> members.get(0).getCluster().getMembers().size() == 3, "the fourth member left");

        Replay replay = grids.get(1).bus().since(channel, first.epoch(), 1);
        assertTrue(replay.complete(), replay.toString());
        assertEquals(first.epoch(), replay.epoch());
        assertEquals(List.of(2L, 3L), replay.messages().stream().map(SequencedBroadcast::seq).toList());
        assertEquals(List.of("b", "c"), replay.messages().stream()
                .map(m -> ((jakarta.json.JsonObject) m.message().data()).getString("text")).toList());
        assertEquals(4, grids.get(0).bus().publish(message(channel, "d")).seq(), "the log goes on where it was");
    }

    @Test
    void replaySemanticsMatchTheLocalBus() {
        String channel = channel();
        Replay none = grids.get(0).bus().since(channel, null, 0);
        assertEquals(null, none.epoch());
        assertTrue(none.complete());
        assertEquals(0, grids.get(0).bus().head(channel).seq());
        SequencedBroadcast first = grids.get(0).bus().publish(message(channel, "a"));
        Replay otherEpoch = grids.get(1).bus().since(channel, "elsewhere", 1);
        assertFalse(otherEpoch.complete());
        assertEquals(first.epoch(), otherEpoch.epoch());
        assertTrue(otherEpoch.messages().isEmpty());
        Replay beyond = grids.get(1).bus().since(channel, first.epoch(), 5);
        assertFalse(beyond.complete(), "a number the log never reached");
        assertEquals(1, beyond.messages().size());
        Replay all = grids.get(2).bus().since(channel, null, 0);
        assertTrue(all.complete());
        assertEquals(1, all.messages().size());
    }

    @Test
    void theReplayKeepsTheLastBroadcastsOfAChannelAndSaysWhenItIsNotWhole() {
        String channel = channel();
        String epoch = null;
        for (int i = 0; i < GridMaps.REPLAY + 4; i++) {
            epoch = grids.get(i % 3).bus().publish(message(channel, "m" + i)).epoch();
        }
        Replay fromStart = grids.get(1).bus().since(channel, epoch, 1);
        assertFalse(fromStart.complete(), "the oldest are gone");
        assertEquals(GridMaps.REPLAY, fromStart.messages().size());
        assertEquals(5L, fromStart.messages().get(0).seq());
        Replay recent = grids.get(2).bus().since(channel, epoch, 10);
        assertTrue(recent.complete());
        assertEquals(GridMaps.REPLAY + 4 - 10, recent.messages().size());
    }

    @Test
    void aRetriedRequestIdOnAnotherMemberGetsTheFirstAnswerAndRunsOnce() {
        AtomicInteger runs = new AtomicInteger();
        String key = "user\u0000c1\u00003\u0000sig\u0000req-" + CHANNELS.incrementAndGet();
        ActionResult first = grids.get(0).answers().once(key, () -> new ActionResult(null,
                "{\"requestId\":\"r\",\"n\":" + runs.incrementAndGet() + "}"), r -> true);
        ActionResult retried = grids.get(1).answers().once(key, () -> new ActionResult(null,
                "{\"requestId\":\"r\",\"n\":" + runs.incrementAndGet() + "}"), r -> true);
        assertEquals(first, retried);
        assertEquals(1, runs.get());
        ActionResult failed = new ActionResult(ErrorType.VALIDATION_ERROR, "{\"error\":\"validation_error\"}");
        String other = key + "-2";
        assertEquals(failed, grids.get(2).answers().once(other, () -> failed, r -> true));
        assertEquals(failed, grids.get(0).answers().once(other, () -> new ActionResult(null, "{}"), r -> true),
                "an error answer is an answer too, with its type");
    }

    @Test
    void aRefusalIsNotRememberedAndARepeatWaitingOnAnotherMemberRunsItself() throws Exception {
        String key = "k-refused-" + CHANNELS.incrementAndGet();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ActionResult refusal = new ActionResult(ErrorType.STALE_SNAPSHOT, "{\"error\":\"stale_snapshot\"}");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<ActionResult> firstRun = pool.submit(() -> grids.get(0).answers().once(key, () -> {
            running.countDown();
            await(release);
            return refusal;
        }, r -> r.success()));
        assertTrue(running.await(WAIT_MILLIS, TimeUnit.MILLISECONDS));
        Future<ActionResult> repeat = Executors.newSingleThreadExecutor().submit(() -> grids.get(1).answers()
                .once(key, () -> new ActionResult(null, "{\"ok\":true}"), r -> r.success()));
        release.countDown();
        assertEquals(refusal, firstRun.get(WAIT_MILLIS, TimeUnit.MILLISECONDS));
        assertEquals(new ActionResult(null, "{\"ok\":true}"), repeat.get(WAIT_MILLIS, TimeUnit.MILLISECONDS));
        pool.shutdown();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void versionClaimsRacingAcrossMembersHaveOneWinner() throws Exception {
        String id = "c-race-" + CHANNELS.incrementAndGet();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Boolean>> claims = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 12; i++) {
            HazelcastGrid grid = grids.get(i % 3);
            claims.add(() -> {
                start.await();
                return grid.versions().claim(id, 4);
            });
        }
        List<Future<Boolean>> results = new ArrayList<>();
        for (Callable<Boolean> claim : claims) {
            results.add(pool.submit(claim));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> result : results) {
            won += result.get(WAIT_MILLIS, TimeUnit.MILLISECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, won, "one action from version 4, however many members raced");
        assertTrue(grids.get(1).versions().stale(id, 4));
        assertFalse(grids.get(2).versions().stale(id, 5));
        assertFalse(grids.get(0).versions().claim(id, 3), "an older snapshot is stale everywhere");
        grids.get(2).versions().release(id, 4);
        assertFalse(grids.get(1).versions().stale(id, 4), "a released claim lets version 4 act again");
        assertTrue(grids.get(0).versions().claim(id, 4));
        assertTrue(grids.get(1).versions().claim(id, 5));
        assertNotEquals(grids.get(0).versions().stale(id, 5), grids.get(0).versions().stale(id, 6));
    }

    @Test
    void statusListsTheMembersEachSeesAndAStoppedMemberSaysItIsDown() {
        ClusterStatus status = grids.get(0).status();
        assertEquals(BusKind.EMBEDDED_HAZELCAST, status.bus());
        assertTrue(status.up());
        assertTrue(status.members().size() >= 3, status.toString());
        assertTrue(status.members().stream().allMatch(m -> m.startsWith("127.0.0.1:")), status.toString());

        List<Integer> ports = GridMembers.freePorts(1);
        HazelcastGrid alone = new HazelcastGrid(GridMembers.start(GridMembers.settings(
                "diffyne-test-alone-" + ports.get(0), ports, ports.get(0))), BusKind.EMBEDDED_HAZELCAST, true);
        assertEquals(List.of("127.0.0.1:" + ports.get(0)), alone.status().members());
        alone.close();
        ClusterStatus lost = alone.status();
        assertFalse(lost.up());
        assertEquals(BusKind.EMBEDDED_HAZELCAST, lost.bus());
    }
}
