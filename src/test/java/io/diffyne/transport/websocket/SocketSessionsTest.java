package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.broadcast.LocalBroadcastBus;
import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.DiffyneSettings;
import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.transport.websocket.HandshakeVerdict.Credential;
import jakarta.json.Json;
import jakarta.websocket.CloseReason;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocketSessionsTest {

    private static final Pattern CONNECTED = Pattern.compile(
            "\\{\"event\":\"diffyne.connected\",\"data\":\\{\"clientId\":\"([A-Za-z0-9_-]{22})\"}}");

    private final FakeRuntime runtime = new FakeRuntime();
    private final LocalBroadcastBus bus = new LocalBroadcastBus();
    private final SocketSessions sessions = new SocketSessions();

    @BeforeEach
    void start() {
        DiffyneSettings settings = HandshakeGuardTest.settings("*");
        sessions.config = new DiffyneConfig() {
            @Override
            public DiffyneSettings settings() {
                return settings;
            }
        };
        sessions.bus = bus;
        sessions.router = new MessageRouter(runtime, bus, () -> 0L);
        sessions.start();
    }

    @AfterEach
    void stop() {
        sessions.stop();
    }

    private FakeSession handshake(HandshakeVerdict verdict) {
        FakeSession fake = new FakeSession();
        fake.userProperties.put(SocketSessions.VERDICT, verdict);
        return fake;
    }

    private String clientId(FakeSession fake) {
        Matcher m = CONNECTED.matcher(fake.sent().get(0));
        assertTrue(m.matches(), fake.sent().get(0));
        return m.group(1);
    }

    @Test
    void openGreetsTheClientAndSetsTheLimits() {
        FakeSession fake = handshake(HandshakeVerdict.allow(Credential.TOKEN, "ada"));
        assertTrue(sessions.open(fake.session));
        String id = clientId(fake);
        assertEquals(1, sessions.openConnections());
        assertTrue(sessions.isConnected(id));
        assertFalse(sessions.isConnected("someone-else"));
        assertFalse(sessions.isConnected(null));
        assertEquals(1_048_576L, fake.limits.get("setMaxTextMessageBufferSize"));
        assertFalse(fake.limits.containsKey("setMaxIdleTimeout"), "no container idle timer: IdleSweep closes idle ones");
        assertFalse(fake.userProperties.containsKey(SocketSessions.VERDICT), "the verdict is consumed");
    }

    @Test
    void theHandshakesOwnPropertiesLetGoOfTheHandOver() {
        java.util.Map<String, Object> handshake = new java.util.HashMap<>();
        handshake.put(SocketSessions.VERDICT, HandshakeVerdict.allow(Credential.KEY, null));
        handshake.put(SocketSessions.ROLES, java.util.Set.of());
        handshake.put(SocketSessions.SLOT, "slot");
        handshake.put("someone.else", "kept");
        SocketSessions.forgetHandover(handshake);
        assertEquals(java.util.Map.of("someone.else", "kept"), handshake);
        SocketSessions.forgetHandover(java.util.Map.of()); // a read-only view: nothing to free, no failure
    }

    @Test
    void aContainerIdleTimerIsTurnedOff() {
        FakeSession fake = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        fake.limits.put("setMaxIdleTimeout", 300_000L); // a container default
        assertTrue(sessions.open(fake.session));
        assertEquals(0L, fake.limits.get("setMaxIdleTimeout"));
    }

    @Test
    void aSessionClosedWhileOpeningIsNotCounted() {
        FakeSession fake = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        fake.open = false; // the container closed it before onOpen registered it
        assertFalse(sessions.open(fake.session));
        assertEquals(0, sessions.openConnections());
        assertEquals(List.of(), fake.sent());
        sessions.closed(fake.session, null);
        assertEquals(0, sessions.openConnections());
    }

    /** Tyrus refuses a closed session's setters: the client left during the upgrade, and its slot comes back. */
    @Test
    void aSessionTheClientLeftDuringTheUpgradeGivesItsSlotBack() {
        ConnectionQuota quota = new ConnectionQuota(1);
        FakeSession fake = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        fake.userProperties.put(SocketSessions.SLOT, quota.tryAcquire("203.0.113.7"));
        fake.open = false;
        fake.settersRefuseWhenClosed = true;
        assertFalse(sessions.open(fake.session));
        sessions.closed(fake.session, null);
        assertEquals(0, quota.count("203.0.113.7"));
        assertEquals(0, sessions.openConnections());
        assertEquals(List.of(), fake.sent());
    }

    @Test
    void connectionsSilentForTheIdleTimeoutAreClosedWith1000() {
        long[] now = {0};
        sessions.clock = () -> now[0];
        FakeSession talking = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        FakeSession silent = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        sessions.open(talking.session);
        sessions.open(silent.session);
        now[0] = java.time.Duration.ofSeconds(200).toNanos();
        sessions.message(talking.session, "{\"event\":\"diffyne.ping\",\"data\":{\"t\":1}}");
        now[0] = java.time.Duration.ofSeconds(300).toNanos();
        sessions.closeIdle();
        assertEquals(List.of(), silent.closes, "exactly the timeout is not over it");
        now[0] = java.time.Duration.ofSeconds(301).toNanos();
        sessions.closeIdle();
        assertEquals(List.of(), silent.closes, "pinged first, closed on the container's thread when it answers");
        assertEquals(List.of(12), silent.pings);
        assertEquals(List.of(), talking.pings, "heard 101 s ago");
        sessions.closeIdle();
        assertEquals(List.of(12), silent.pings, "one probe per silence");
        assertEquals(1, silent.closes.size(), "the probe was not answered by the next sweep: the client is gone");
        assertEquals(1000, silent.closes.get(0).getCloseCode().getCode());
        assertTrue(silent.closes.get(0).getReasonPhrase().contains("DIFFYNE_WS_IDLE_TIMEOUT"));
        assertEquals(List.of(), talking.closes, "heard 101 s ago");
        now[0] = java.time.Duration.ofSeconds(501).toNanos();
        sessions.closeIdle();
        assertEquals(List.of(12), talking.pings);
        sessions.ponged(talking.session);
        assertEquals(1000, talking.closes.get(0).getCloseCode().getCode(), "closed on its pong");
        sessions.closeIdle();
        assertEquals(1, talking.closes.size());
    }

    @Test
    void aPongIsNotAMessageAndAMessageAfterTheProbeKeepsTheConnection() {
        long[] now = {0};
        sessions.clock = () -> now[0];
        FakeSession fake = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        sessions.open(fake.session);
        sessions.ponged(fake.session); // unasked, before any probe: ignored
        assertEquals(List.of(), fake.closes);
        now[0] = java.time.Duration.ofSeconds(301).toNanos();
        sessions.closeIdle();
        assertEquals(1, fake.pings.size());
        sessions.message(fake.session, "{\"event\":\"diffyne.ping\",\"data\":{\"t\":1}}"); // the page woke up
        sessions.ponged(fake.session); // the probe's answer, after that message: the connection is not idle
        sessions.closeIdle();
        assertEquals(List.of(), fake.closes);
        assertEquals(1, sessions.openConnections());
        now[0] = java.time.Duration.ofSeconds(602).toNanos();
        sessions.closeIdle();
        assertEquals(2, fake.pings.size(), "silent again: probed again");
        sessions.ponged(fake.session);
        assertEquals(1, fake.closes.size());
        assertEquals(1000, fake.closes.get(0).getCloseCode().getCode());
    }

    @Test
    void aProbeThatCannotBeSentClosesAtOnce() {
        long[] now = {0};
        sessions.clock = () -> now[0];
        FakeSession fake = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        sessions.open(fake.session);
        now[0] = java.time.Duration.ofSeconds(301).toNanos();
        fake.failPings = true;
        sessions.closeIdle();
        assertEquals(List.of(), fake.pings);
        assertEquals(1000, fake.closes.get(0).getCloseCode().getCode());
    }

    @Test
    void aSessionWithoutAnAllowedVerdictIsClosedWith1008() {
        FakeSession refused = handshake(HandshakeVerdict.refuse("invalid key"));
        assertFalse(sessions.open(refused.session));
        assertEquals(1008, refused.closes.get(0).getCloseCode().getCode());
        FakeSession none = new FakeSession();
        assertFalse(sessions.open(none.session));
        assertEquals(0, sessions.openConnections());
        assertEquals(List.of(), refused.sent());
    }

    @Test
    void closeForgetsTheConnection() {
        FakeSession fake = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        sessions.open(fake.session);
        String id = clientId(fake);
        sessions.closed(fake.session, new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "bye"));
        assertEquals(0, sessions.openConnections());
        assertFalse(sessions.isConnected(id));
        sessions.closed(fake.session, null); // twice is harmless
    }

    @Test
    void messagesGetAnswered() {
        FakeSession fake = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        sessions.open(fake.session);
        sessions.message(fake.session, "{\"event\":\"diffyne.ping\",\"data\":{\"t\":42}}");
        assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":42}}", fake.sent().get(1));
    }

    @Test
    void aMessageOverTheLimitClosesWith1009() {
        FakeSession fake = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        sessions.open(fake.session);
        sessions.message(fake.session, "x".repeat(1_048_577));
        assertEquals(1009, fake.closes.get(0).getCloseCode().getCode());
        assertEquals(1, fake.sent().size(), "only the greeting");
    }

    @Test
    void binaryClosesWith1003() {
        FakeSession fake = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        sessions.open(fake.session);
        sessions.binary(fake.session);
        assertEquals(1003, fake.closes.get(0).getCloseCode().getCode());
    }

    @Test
    void theLimitCountsUtf8Bytes() {
        FakeSession fake = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        sessions.open(fake.session);
        sessions.message(fake.session, "\u20ac".repeat(349_526)); // 1,048,578 bytes in 349,526 chars
        assertEquals(1009, fake.closes.get(0).getCloseCode().getCode());
        assertEquals(1_048_578, SocketSessions.utf8Length("\u20ac".repeat(349_526)));
        assertEquals(7, SocketSessions.utf8Length("a\u00e9\ud83d\ude00"));
        assertEquals(3, SocketSessions.utf8Length("\ud83d"), "a lone surrogate is written as 3 bytes");
    }

    @Test
    void broadcastsReachListenersOnTheirChannelOnly() throws Exception {
        FakeSession listener = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        FakeSession elsewhere = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        FakeSession idle = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        sessions.open(listener.session);
        sessions.open(elsewhere.session);
        sessions.open(idle.session);
        sessions.message(listener.session, join("a", "room:general"));
        sessions.message(elsewhere.session, join("b", "room:other"));

        bus.publish(new BroadcastMessage("room:general", "message-sent", Json.createValue("hi"), "x"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (listener.sent().size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals("{\"event\":\"diffyne.push\",\"data\":{\"channel\":\"room:general\",\"ep\":\""
                + bus.since("room:general", null, 0).epoch() + "\",\"seq\":1,\"responses\":["
                + "{\"s\":true,\"c\":{\"i\":\"a\"},\"got\":\"hi\"}]}}", listener.sent().get(2));
        Thread.sleep(50);
        assertEquals(2, elsewhere.sent().size(), "greeting and join response only");
        assertEquals(1, idle.sent().size(), "greeting only");
    }

    @Test
    void theFanOutFigureIsRecordedOnceWhenTheLastListenersPushIsWritten() throws Exception {
        io.diffyne.metrics.Metrics metrics = io.diffyne.metrics.Metrics.detached();
        sessions.metrics = metrics;
        FakeSession first = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        FakeSession second = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        sessions.open(first.session);
        sessions.open(second.session);
        sessions.message(first.session, join("a", "room:general"));
        sessions.message(second.session, join("b", "room:general"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while ((first.sent().size() < 2 || second.sent().size() < 2) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(0, metrics.snapshot().broadcasts());

        bus.publish(new BroadcastMessage("room:general", "message-sent", Json.createValue("hi"), "x"));
        while (metrics.snapshot().broadcasts() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(3, first.sent().size(), "recorded only after both pushes were written");
        assertEquals(3, second.sent().size(), "recorded only after both pushes were written");
        assertEquals(1, metrics.snapshot().broadcasts(), "one broadcast, one figure, however many receivers");

        // the framework's own channel (each instance's figures): no connection's business, not a broadcast counted
        bus.publish(new BroadcastMessage(io.diffyne.broadcast.SystemChannels.INSTANCES, "figures",
                Json.createValue("x"), null));
        assertEquals(1, metrics.snapshot().broadcasts());
        assertEquals(3, first.sent().size());
    }

    @Test
    void theRolesCapturedAtTheUpgradeReachTheRuntimeWithEveryAction() throws Exception {
        FakeSession fake = handshake(HandshakeVerdict.allow(Credential.TOKEN, "ada"));
        fake.userProperties.put(SocketSessions.ROLES, java.util.Set.of("admin"));
        assertTrue(sessions.open(fake.session));
        assertFalse(fake.userProperties.containsKey(SocketSessions.ROLES), "the roles are consumed");
        sessions.message(fake.session, join("a", "room:general"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (runtime.contexts.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals("ada", runtime.contexts.get(0).principal());
        assertEquals(java.util.Set.of("admin"), runtime.contexts.get(0).roles());
        assertTrue(runtime.contexts.get(0).caller().isInRole("admin"));
    }

    @Test
    void aConnectionOpenedWithV2IsAnsweredTheV2Way() {
        FakeSession v2 = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        v2.parameters.put("v", List.of("2"));
        FakeSession v1 = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        assertTrue(sessions.open(v2.session));
        assertTrue(sessions.open(v1.session));
        sessions.message(v2.session, join("a", "room:general"));
        sessions.message(v1.session, join("b", "room:general"));
        assertEquals("{}", v2.sent().get(1), "bare, without s, c.i or requestId");
        assertEquals("{\"event\":\"diffyne.response\",\"data\":{\"s\":true,\"c\":{\"i\":\"b\"},"
                + "\"requestId\":\"j\"}}", v1.sent().get(1));
    }

    @Test
    void aConnectionOpenedWithV3AsksTheRuntimeForCompactPatchesAndV2DoesNot() throws Exception {
        FakeSession v3 = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        v3.parameters.put("v", List.of("2", "3"));
        FakeSession v2 = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        v2.parameters.put("v", List.of("2"));
        assertTrue(sessions.open(v3.session));
        sessions.message(v3.session, join("a", "room:general"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (runtime.contexts.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(3, runtime.contexts.get(0).protocol());
        assertTrue(runtime.contexts.get(0).compactPatches());
        assertEquals("{}", v3.sent().get(1), "answered bare, as v2 is");
        assertTrue(sessions.open(v2.session));
        sessions.message(v2.session, join("b", "room:general"));
        while (runtime.contexts.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertFalse(runtime.contexts.get(1).compactPatches(), "a v2 client keeps today's patches");
    }

    private static String join(String id, String channel) {
        return "{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"j\",\"ref\":{\"id\":\"" + id
                + "\",\"version\":1,\"sig\":\"s\"},\"method\":\"join\",\"params\":[\"" + channel + "\"]}}";
    }

    @Test
    void shutdownClosesEveryConnectionWith1001() {
        FakeSession fake = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        sessions.open(fake.session);
        sessions.stop();
        assertEquals(1001, fake.closes.get(0).getCloseCode().getCode());
        assertEquals(0, sessions.openConnections());
        sessions.start(); // for @AfterEach
    }

    /** Container refusals of oversized messages are told apart by name (Tyrus: MessageTooBigException, maybe wrapped). */
    @Test
    void anOversizedMessageRefusalIsRecognisedByName() {
        class MessageTooBigException extends IllegalStateException {
            private static final long serialVersionUID = 1L;
        }
        assertTrue(SocketSessions.tooBig(new MessageTooBigException()));
        assertTrue(SocketSessions.tooBig(new RuntimeException(new MessageTooBigException())));
        assertFalse(SocketSessions.tooBig(new IllegalStateException("boom")));
    }

    @Test
    void everyWayAConnectionEndsGivesItsSlotBack() {
        ConnectionQuota quota = new ConnectionQuota(3);
        long[] now = {0};
        sessions.clock = () -> now[0];
        for (int i = 0; i < 1_000; i++) {
            ConnectionQuota.Slot slot = quota.tryAcquire("203.0.113.7");
            FakeSession fake = handshake(i % 7 == 6 ? HandshakeVerdict.refuse("invalid key")
                    : HandshakeVerdict.allow(Credential.KEY, null));
            fake.userProperties.put(SocketSessions.SLOT, slot);
            if (i % 7 == 5) {
                fake.open = false; // closed by the container while opening
            }
            boolean open = sessions.open(fake.session);
            switch (i % 7) {
                case 0 -> sessions.closed(fake.session, new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "bye"));
                case 1 -> sessions.closed(fake.session, null); // dropped without a close frame (1006)
                case 2 -> sessions.binary(fake.session); // the server closes with 1003
                case 3 -> sessions.message(fake.session, "x".repeat(1_048_577)); // 1009
                case 4 -> {
                    now[0] += java.time.Duration.ofMinutes(6).toNanos();
                    sessions.closeIdle(); // pinged
                    sessions.ponged(fake.session); // 1000 idle, on the pong
                }
                default -> assertFalse(open);
            }
            // the container reports the close of a session the server closed, and may report it twice
            sessions.closed(fake.session, null);
            assertEquals(0, quota.count("203.0.113.7"), "cycle " + i);
        }
        assertEquals(0, sessions.openConnections());
        FakeSession last = handshake(HandshakeVerdict.allow(Credential.KEY, null));
        last.userProperties.put(SocketSessions.SLOT, quota.tryAcquire("203.0.113.7"));
        assertTrue(sessions.open(last.session));
        assertEquals(1, quota.count("203.0.113.7"));
        sessions.stop(); // shutdown closes it
        assertEquals(0, quota.count("203.0.113.7"));
        sessions.start();
    }
}
