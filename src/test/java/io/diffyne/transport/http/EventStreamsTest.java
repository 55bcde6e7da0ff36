package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.protocol.ProtocolException;
import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.runtime.ChannelHead;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEvent;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import org.glassfish.jersey.media.sse.OutboundEvent;
import org.junit.jupiter.api.Test;

class EventStreamsTest {

    /** Records what is sent, as the SSE text lines a browser would read. */
    static final class RecordingSink implements SseEventSink {
        final List<String> sent = new ArrayList<>();
        boolean closed;
        boolean failing;

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            if (failing) {
                return CompletableFuture.failedFuture(new IllegalStateException("client gone"));
            }
            sent.add((event.getName() == null ? "" : "event: " + event.getName() + "\n")
                    + (event.getComment() == null ? "" : ": " + event.getComment() + "\n")
                    + (event.getData() == null ? "" : "data: " + event.getData() + "\n")
                    + (event.getReconnectDelay() == SseEvent.RECONNECT_NOT_SET ? "" : "retry: " + event.getReconnectDelay() + "\n"));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Jersey's event builder, as the server's {@code Sse} hands out. */
    final Sse sse = new Sse() {
        @Override
        public OutboundSseEvent.Builder newEventBuilder() {
            return new OutboundEvent.Builder();
        }

        @Override
        public jakarta.ws.rs.sse.SseBroadcaster newBroadcaster() {
            throw new UnsupportedOperationException("EventStreams does its own fan-out");
        }
    };
    final List<Runnable> pending = new ArrayList<>();
    final EventStreams streams = new EventStreams();

    EventStreamsTest() {
        streams.start((Executor) Runnable::run, null);
    }

    static BroadcastMessage message(String channel, String name, JsonValue data) {
        return new BroadcastMessage(channel, name, data, "sender-1");
    }

    @Test
    void broadcastsReachTheSubscribedChannelsNumberedPerChannel() {
        RecordingSink room = new RecordingSink();
        RecordingSink news = new RecordingSink();
        assertTrue(streams.open(room, sse, Set.of("room:general"), null, "10.0.0.1"));
        assertTrue(streams.open(news, sse, Set.of("news"), null, "10.0.0.1"));

        streams.onBroadcast(message("room:general", "message-sent", Json.createObjectBuilder().add("text", "hi").build()));
        streams.onBroadcast(message("news", "published", null));
        streams.onBroadcast(message("room:general", "message-sent", JsonValue.TRUE));
        streams.onBroadcast(message("", "maintenance", Json.createValue(5)));

        // the data is never in the message (it travels sealed in the pass, absent here); "" is no channel for all
        String ep = ",\"ep\":\"" + streams.epoch + "\"";
        assertEquals(List.of(
                ": diffyne\nretry: 2000\n",
                "event: diffyne.head\ndata: {\"channel\":\"room:general\",\"ep\":null,\"seq\":0}\n",
                "event: diffyne.broadcast\ndata: {\"channel\":\"room:general\"" + ep + ",\"seq\":1,\"name\":\"message-sent\"}\n",
                "event: diffyne.broadcast\ndata: {\"channel\":\"room:general\"" + ep + ",\"seq\":2,\"name\":\"message-sent\"}\n"),
                room.sent);
        assertEquals(List.of(
                ": diffyne\nretry: 2000\n",
                "event: diffyne.head\ndata: {\"channel\":\"news\",\"ep\":null,\"seq\":0}\n",
                "event: diffyne.broadcast\ndata: {\"channel\":\"news\"" + ep + ",\"seq\":1,\"name\":\"published\"}\n"),
                news.sent);
    }

    @Test
    void eachPrincipalGetsAPassOfItsOwnAndNeverTheData() {
        streams.passes = new io.diffyne.runtime.BroadcastPasses("stream-test-key-0123".getBytes(), java.time.Clock.systemUTC());
        RecordingSink ann = new RecordingSink();
        RecordingSink annAgain = new RecordingSink();
        RecordingSink bob = new RecordingSink();
        RecordingSink anonymous = new RecordingSink();
        streams.open(ann, sse, Set.of("room"), "ann", "10.0.0.1");
        streams.open(annAgain, sse, Set.of("room"), "ann", "10.0.0.2");
        streams.open(bob, sse, Set.of("room"), "bob", "10.0.0.3");
        streams.open(anonymous, sse, Set.of("room"), null, "10.0.0.4");
        streams.onBroadcast(message("room", "said", Json.createObjectBuilder().add("secret", "s3cr3t-text").build()));
        List<String> sent = List.of(ann.sent.get(2), annAgain.sent.get(2), bob.sent.get(2), anonymous.sent.get(2));
        for (String event : sent) {
            assertFalse(event.contains("s3cr3t-text") || event.contains("\"data\""), event);
            assertTrue(event.matches("(?s)event: diffyne\\.broadcast\ndata: \\{\"channel\":\"room\",\"ep\":\"[^\"]+\","
                    + "\"seq\":1,\"name\":\"said\",\"pass\":\"b1\\.[A-Za-z0-9_-]+\"}\n"), event);
        }
        assertEquals(sent.get(0), sent.get(1), "one user's streams share a message");
        assertEquals(3, new java.util.HashSet<>(sent).size(), "ann, bob and the anonymous streams each their own");
    }

    @Test
    void withABusTheBusNumbersAndDeliversAndTheCdiEventIsLeftToIt() {
        io.diffyne.broadcast.LocalBroadcastBus bus = new io.diffyne.broadcast.LocalBroadcastBus();
        EventStreams onBus = new EventStreams();
        onBus.start((Executor) Runnable::run, bus);
        RecordingSink sink = new RecordingSink();
        onBus.open(sink, sse, Set.of("news"), null, "10.0.0.1");
        bus.publish(message("news", "published", JsonValue.TRUE));
        bus.publish(message("news", "published", JsonValue.FALSE));
        onBus.onBroadcast(message("news", "published", JsonValue.NULL)); // the bus relays this one itself
        String ep = ",\"ep\":\"" + bus.since("news", null, 0).epoch() + "\"";
        assertEquals(List.of(": diffyne\nretry: 2000\n",
                "event: diffyne.head\ndata: {\"channel\":\"news\",\"ep\":null,\"seq\":0}\n",
                "event: diffyne.broadcast\ndata: {\"channel\":\"news\"" + ep + ",\"seq\":1,\"name\":\"published\"}\n",
                "event: diffyne.broadcast\ndata: {\"channel\":\"news\"" + ep + ",\"seq\":2,\"name\":\"published\"}\n"),
                sink.sent);
        onBus.stop();
        bus.publish(message("news", "published", JsonValue.TRUE));
        assertEquals(4, sink.sent.size());
    }

    @Test
    void aNewStreamFirstSaysWhereEachOfItsChannelsLogStandsSoThePageSeesWhatItMissedBefore() {
        io.diffyne.broadcast.LocalBroadcastBus bus = new io.diffyne.broadcast.LocalBroadcastBus();
        EventStreams onBus = new EventStreams();
        onBus.start((Executor) Runnable::run, bus);
        bus.publish(message("room", "said", JsonValue.TRUE));
        bus.publish(message("room", "said", JsonValue.TRUE)); // before the stream: only its head tells
        RecordingSink sink = new RecordingSink();
        onBus.open(sink, sse, Set.of("room"), null, "10.0.0.1");
        bus.publish(message("room", "said", JsonValue.TRUE));
        String ep = bus.head("room").epoch();
        assertEquals(List.of(": diffyne\nretry: 2000\n",
                "event: diffyne.head\ndata: {\"channel\":\"room\",\"ep\":\"" + ep + "\",\"seq\":2}\n",
                "event: diffyne.broadcast\ndata: {\"channel\":\"room\",\"ep\":\"" + ep + "\",\"seq\":3,\"name\":\"said\"}\n"),
                sink.sent);
        onBus.stop();
    }

    @Test
    void aStreamReplaysWhatThePageMissedAfterItsPositionThenTheLiveOnesWithoutRepeats() {
        io.diffyne.broadcast.LocalBroadcastBus bus = new io.diffyne.broadcast.LocalBroadcastBus();
        EventStreams onBus = new EventStreams();
        List<Runnable> later = new ArrayList<>();
        onBus.start(later::add, bus);
        for (int i = 0; i < 3; i++) {
            bus.publish(message("room", "said", JsonValue.TRUE));
        }
        String ep = bus.head("room").epoch();
        RecordingSink sink = new RecordingSink();
        // the page saw 1 (or its markup was rendered after it): 2 and 3 are replayed, then the head, then live 4
        onBus.open(sink, sse, Set.of("room"), java.util.Map.of("room", new ChannelHead(ep, 1)), null, "10.0.0.1");
        bus.publish(message("room", "said", JsonValue.TRUE));
        later.forEach(Runnable::run);
        String said = "event: diffyne.broadcast\ndata: {\"channel\":\"room\",\"ep\":\"" + ep + "\",\"seq\":";
        assertEquals(List.of(": diffyne\nretry: 2000\n", said + "2,\"name\":\"said\"}\n", said + "3,\"name\":\"said\"}\n",
                "event: diffyne.head\ndata: {\"channel\":\"room\",\"ep\":\"" + ep + "\",\"seq\":3}\n",
                said + "4,\"name\":\"said\"}\n"), sink.sent);
        // a page whose markup saw no log of it yet ({null, 0}) gets all of it; a foreign epoch gets none (its head
        // then shows the gap, and the page renders afresh)
        RecordingSink fresh = new RecordingSink();
        onBus.open(fresh, sse, Set.of("room"), java.util.Map.of("room", ChannelHead.NONE), null, "10.0.0.2");
        RecordingSink foreign = new RecordingSink();
        onBus.open(foreign, sse, Set.of("room"), java.util.Map.of("room", new ChannelHead("other", 2)), null, "10.0.0.3");
        later.forEach(Runnable::run);
        assertEquals(6, fresh.sent.size(), fresh.sent.toString());
        assertEquals(2, foreign.sent.size(), foreign.sent.toString());
        onBus.stop();
    }

    /**
     * A broadcast numbered while the replay is read, on its way to the stream when the head is written: the head says
     * where the stream stands (the last it gave), never the log's newer number, or the page would take the head for a
     * gap, render afresh and then drop that broadcast as seen (what the cluster test's kill -9 check once showed).
     */
    @Test
    void theHeadAfterAWholeReplayIsWhereTheStreamStandsNotWhereTheLogHasMovedOnTo() {
        io.diffyne.broadcast.LocalBroadcastBus local = new io.diffyne.broadcast.LocalBroadcastBus();
        List<io.diffyne.broadcast.SequencedBroadcast> inFlight = new ArrayList<>();
        io.diffyne.broadcast.BroadcastBus bus = new io.diffyne.broadcast.BroadcastBus() {
            @Override
            public io.diffyne.broadcast.SequencedBroadcast publish(io.diffyne.runtime.BroadcastMessage m) {
                return local.publish(m);
            }

            @Override
            public io.diffyne.broadcast.Subscription subscribe(
                    java.util.function.Consumer<io.diffyne.broadcast.SequencedBroadcast> subscriber) {
                return local.subscribe(b -> {
                    if (b.seq() == 5) {
                        inFlight.add(b); // numbered, not delivered yet (a cluster's topic is on its way)
                    } else {
                        subscriber.accept(b);
                    }
                });
            }

            @Override
            public io.diffyne.broadcast.Replay since(String channel, String epoch, long afterSeq) {
                io.diffyne.broadcast.Replay replay = local.since(channel, epoch, afterSeq);
                local.publish(message("room", "said", JsonValue.TRUE)); // 4: after the read, held by the stream
                local.publish(message("room", "said", JsonValue.TRUE)); // 5: numbered, still on its way
                return replay;
            }

            @Override
            public ChannelHead head(String channel) {
                return local.head(channel);
            }
        };
        EventStreams onBus = new EventStreams();
        onBus.start((Executor) Runnable::run, bus);
        for (int i = 0; i < 3; i++) {
            bus.publish(message("room", "said", JsonValue.TRUE));
        }
        String ep = bus.head("room").epoch();
        RecordingSink sink = new RecordingSink();
        onBus.open(sink, sse, Set.of("room"), java.util.Map.of("room", new ChannelHead(ep, 2)), null, "10.0.0.1");
        String said = "event: diffyne.broadcast\ndata: {\"channel\":\"room\",\"ep\":\"" + ep + "\",\"seq\":";
        assertEquals(List.of(": diffyne\nretry: 2000\n", said + "3,\"name\":\"said\"}\n", said + "4,\"name\":\"said\"}\n",
                "event: diffyne.head\ndata: {\"channel\":\"room\",\"ep\":\"" + ep + "\",\"seq\":4}\n"), sink.sent,
                "the log is at 5 already, the stream at 4");
        onBus.deliver("room", ep, 5, "said", JsonValue.TRUE); // 5 arrives: after the head, no gap
        assertEquals(said + "5,\"name\":\"said\"}\n", sink.sent.get(sink.sent.size() - 1));
        assertEquals(1, inFlight.size());
        onBus.stop();
    }

    @Test
    void heartbeatsAreCommentLines() {
        RecordingSink sink = new RecordingSink();
        streams.open(sink, sse, Set.of(), null, "10.0.0.1");
        streams.heartbeat();
        assertEquals(List.of(": diffyne\nretry: 2000\n", ": \n"), sink.sent);
    }

    @Test
    void closedOrFailingStreamsAreForgotten() {
        RecordingSink gone = new RecordingSink();
        RecordingSink failing = new RecordingSink();
        streams.open(gone, sse, Set.of("a"), null, "10.0.0.1");
        streams.open(failing, sse, Set.of("a"), null, "10.0.0.1");
        gone.closed = true;
        failing.failing = true;
        streams.onBroadcast(message("a", "x", null));
        assertEquals(0, streams.openStreams());
        assertTrue(failing.closed);
    }

    @Test
    void aStreamThatFallsTooFarBehindIsClosed() {
        EventStreams slow = new EventStreams();
        slow.start(pending::add, null); // nothing runs until the test says so: the client is not reading
        RecordingSink sink = new RecordingSink();
        slow.open(sink, sse, Set.of("a"), null, "10.0.0.1");
        for (int i = 1; i < EventStreams.MAX_BACKLOG; i++) { // the opening comment is queued too
            slow.onBroadcast(message("a", "x", null));
        }
        slow.onBroadcast(message("a", "x", null));
        slow.onBroadcast(message("a", "x", null));
        assertFalse(sink.closed);
        pending.forEach(Runnable::run);
        assertTrue(sink.closed);
        assertEquals(0, slow.openStreams());
        assertEquals(List.of(), sink.sent);
    }

    @Test
    void theNumberOfStreamsIsBoundedPerClientAndInAll() {
        List<RecordingSink> first = new ArrayList<>();
        for (int i = 0; i < EventStreams.MAX_STREAMS_PER_CLIENT; i++) {
            RecordingSink sink = new RecordingSink();
            first.add(sink);
            assertTrue(streams.open(sink, sse, Set.of(), null, "10.0.0.1"));
        }
        assertFalse(streams.open(new RecordingSink(), sse, Set.of(), null, "10.0.0.1"));
        // a closed stream frees its place
        first.get(0).closed = true;
        streams.heartbeat();
        assertTrue(streams.open(new RecordingSink(), sse, Set.of(), null, "10.0.0.1"));
        for (int i = EventStreams.MAX_STREAMS_PER_CLIENT; i < EventStreams.MAX_STREAMS; i++) {
            assertTrue(streams.open(new RecordingSink(), sse, Set.of(), null, "10.1." + (i / 250) + "." + (i % 250)));
        }
        assertFalse(streams.open(new RecordingSink(), sse, Set.of(), null, "10.9.9.9"));
        streams.stop();
        assertEquals(0, streams.openStreams());
    }

    @Test
    void shutdownClosesEveryStream() {
        RecordingSink a = new RecordingSink();
        RecordingSink b = new RecordingSink();
        streams.open(a, sse, Set.of(), null, "10.0.0.1");
        streams.open(b, sse, Set.of("x"), null, "10.0.0.1");
        streams.stop();
        assertTrue(a.closed && b.closed);
        assertEquals(0, streams.openStreams());
    }

    @Test
    void channelListsAreValidatedAndBounded() {
        assertEquals(List.of(new EventsResource.Requested("room:general", "1763762400000.q3Xv9Tz0bA1cM2f8k1LwZg", null),
                new EventsResource.Requested("news", null, null), new EventsResource.Requested("a", "", null)),
                EventsResource.parseChannels("room:general~1763762400000.q3Xv9Tz0bA1cM2f8k1LwZg, news,a~"));
        // where the page stands: the last seq it saw, with its epoch or none (its markup's head before any log)
        assertEquals(List.of(new EventsResource.Requested("a", "1.g", new ChannelHead("Ep0ch_-x", 41)),
                new EventsResource.Requested("b", "1.h", new ChannelHead(null, 0))),
                EventsResource.parseChannels("a~1.g~41~Ep0ch_-x,b~1.h~0"));
        for (String bad : List.of("a~1.g~", "a~1.g~-1", "a~1.g~1x", "a~1.g~1~", "a~1.g~1~e.p", "a~1.g~1~e~f",
                "a~1.g~1234567890123456789", "a~1.g~1~" + "e".repeat(65))) {
            assertThrows(ProtocolException.class, () -> EventsResource.parseChannels(bad), bad);
        }
        String none = "channels must name at least one channel, as channels=<channel>~<grant>,…";
        assertEquals(none, assertThrows(ProtocolException.class, () -> EventsResource.parseChannels(null)).getMessage());
        assertEquals(none, assertThrows(ProtocolException.class, () -> EventsResource.parseChannels(" ")).getMessage());
        assertEquals("channels must be a comma-separated list of <channel>~<grant>[~<last seq seen>[~<its epoch>]], "
                + "each channel of 1 to 128 letters, digits, '.', '_', ':', '/' or '-'",
                assertThrows(ProtocolException.class, () -> EventsResource.parseChannels("a,,b")).getMessage());
        assertThrows(ProtocolException.class, () -> EventsResource.parseChannels("a b~x"));
        // the framework's own channels: no stream may name one
        assertThrows(ProtocolException.class,
                () -> EventsResource.parseChannels(io.diffyne.broadcast.SystemChannels.INSTANCES + "~1.x"));
        assertThrows(ProtocolException.class, () -> EventsResource.parseChannels("~x"));
        assertThrows(ProtocolException.class, () -> EventsResource.parseChannels("a~" + "x".repeat(200)));
        assertEquals("At most 16 channels per event stream", assertThrows(ProtocolException.class,
                () -> EventsResource.parseChannels("c,".repeat(16) + "c16," + String.join(",",
                        java.util.stream.IntStream.range(0, 16).mapToObj(i -> "k" + i).toList()))).getMessage());
        assertEquals(16, EventsResource.parseChannels(String.join(",",
                java.util.stream.IntStream.range(0, 16).mapToObj(i -> "k" + i).toList())).size());
    }
}
