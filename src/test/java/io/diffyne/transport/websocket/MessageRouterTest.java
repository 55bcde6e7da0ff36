package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.broadcast.LocalBroadcastBus;
import io.diffyne.broadcast.SequencedBroadcast;
import io.diffyne.protocol.RequestType;
import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.runtime.Channel;
import jakarta.json.Json;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class MessageRouterTest {

    private static final String REF = "\"ref\":{\"id\":\"q3Xv9Tz0bA1c\",\"version\":3,\"sig\":\"kQ2b\"}";

    private final FakeRuntime runtime = new FakeRuntime();
    private final LocalBroadcastBus bus = new LocalBroadcastBus();
    private final MessageRouter router = new MessageRouter(runtime, bus, () -> 1_763_769_000_123L);
    private final FakePeer peer = new FakePeer();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private SocketConnection connection(int ratePerMinute, SocketLimits limits) {
        return new SocketConnection("client-1", "ada", peer, limits, Runnable::run, ratePerMinute, nanos::get);
    }

    private final SocketConnection connection = connection(0, SocketLimits.DEFAULT);

    private String answer(String message) {
        int before = peer.sent.size();
        router.onText(connection, message);
        assertEquals(before + 1, peer.sent.size(), "exactly one answer to " + message);
        return peer.last();
    }

    @Test
    void pingEchoesTheClientClock() {
        assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":1763768999000}}",
                answer("{\"event\":\"diffyne.ping\",\"data\":{\"t\":1763768999000}}"));
        assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":1763769000123}}",
                answer("{\"event\":\"diffyne.ping\"}"), "the server's clock when the client sent none");
    }

    @Test
    void callAndUpdateGoToTheRuntimeWithTheConnectionsContext() {
        assertEquals("{\"event\":\"diffyne.response\",\"data\":{\"s\":true,\"c\":{\"i\":\"q3Xv9Tz0bA1c\"},\"requestId\":\"r7\"}}",
                answer("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"r7\"," + REF
                        + ",\"method\":\"increment\"}}"));
        assertEquals("{\"event\":\"diffyne.response\",\"data\":{\"s\":true,\"c\":{\"i\":\"q3Xv9Tz0bA1c\"},\"requestId\":\"r8\"}}",
                answer("{\"event\":\"diffyne.update\",\"data\":{\"type\":\"update\",\"requestId\":\"r8\"," + REF
                        + ",\"property\":\"name\",\"value\":\"Ada\"}}"));
        assertEquals(RequestType.CALL, runtime.handled.get(0).type());
        assertEquals("increment", runtime.handled.get(0).method());
        assertEquals(3, runtime.handled.get(0).ref().version());
        assertEquals(RequestType.UPDATE, runtime.handled.get(1).type());
        assertEquals("client-1", runtime.contexts.get(0).clientId());
        assertEquals("ada", runtime.contexts.get(0).principal());
        assertEquals(Channel.WEBSOCKET, runtime.contexts.get(0).channel());
        assertTrue(runtime.contexts.get(0).live() == connection.live(), "the connection's own live components");
    }

    @Test
    void protocolV2RequestsTravelBareAndAreAnsweredBareInOrder() {
        connection.speak(2);
        assertEquals("{}", answer("{\"type\":\"call\",\"requestId\":\"7\",\"ref\":{\"id\":\"q3Xv9Tz0bA1c\","
                + "\"version\":3},\"method\":\"increment\"}"), "no envelope, no requestId, no s, no c.i");
        assertEquals(null, runtime.handled.get(0).ref().sig(), "the runtime completes a reference without signature");
        assertEquals("{\"error\":\"no\",\"type\":\"method_error\"}",
                answer("{\"type\":\"call\",\"requestId\":\"8\"," + REF + ",\"method\":\"deny\"}"));
        assertEquals("{\"error\":\"'method' must be a Java identifier, got '1x'\",\"type\":\"bad_request\"}",
                answer("{\"type\":\"call\",\"requestId\":\"9\"," + REF + ",\"method\":\"1x\"}"),
                "a refused request is answered in its place, bare");
        assertEquals("{}", answer("{\"type\":\"event\",\"event\":\"saved\",\"requestId\":\"a\"," + REF + "}"),
                "an event request's own 'event' member is no envelope's");
        assertEquals(RequestType.EVENT, runtime.handled.get(runtime.handled.size() - 1).type());
        assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":1}}",
                answer("{\"event\":\"diffyne.ping\",\"data\":{\"t\":1}}"), "other messages keep the envelope");
    }

    @Test
    void aBareRequestOnAV1ConnectionIsAnsweredInTheEnvelope() {
        assertEquals("{\"event\":\"diffyne.response\",\"data\":{\"s\":true,\"c\":{\"i\":\"q3Xv9Tz0bA1c\"},"
                + "\"requestId\":\"7\"}}", answer("{\"type\":\"call\",\"requestId\":\"7\"," + REF
                + ",\"method\":\"increment\"}"));
    }

    @Test
    void aFailedActionIsAResponseNotAnError() {
        assertEquals("{\"event\":\"diffyne.response\",\"data\":{\"s\":false,\"error\":\"no\",\"type\":\"method_error\","
                        + "\"requestId\":\"r9\"}}",
                answer("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"r9\"," + REF
                        + ",\"method\":\"deny\"}}"));
    }

    @Test
    void malformedMessagesGetAnErrorAndTheConnectionStaysUsable() {
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"Malformed JSON at offset 1: expected a string "
                + "as object key\",\"type\":\"bad_request\"}}", answer("{oops"));
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"A message must be an envelope "
                + "{\\\"event\\\":\\\"diffyne.…\\\",\\\"data\\\":{…}}\",\"type\":\"bad_request\"}}", answer("[1,2]"));
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"Unknown event 'diffyne.explode': send "
                + "diffyne.call, diffyne.update, diffyne.ping or diffyne.resume\",\"type\":\"bad_request\"}}",
                answer("{\"event\":\"diffyne.explode\",\"data\":{}}"));
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"'diffyne.pong' is sent by the server, not the "
                + "client\",\"type\":\"bad_request\"}}", answer("{\"event\":\"diffyne.pong\"}"));
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"'data' must be a request object "
                + "(docs/protocol.md §3)\",\"type\":\"bad_request\"}}", answer("{\"event\":\"diffyne.call\",\"data\":5}"));
        assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":1}}", answer("{\"event\":\"diffyne.ping\",\"data\":{\"t\":1}}"));
        assertEquals(-1, peer.closeCode());
    }

    @Test
    void hostileJsonIsABadRequestAndTheConnectionStaysUsable() {
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"Malformed JSON at offset 36: number longer "
                + "than 1100 characters\",\"type\":\"bad_request\"}}",
                answer("{\"event\":\"diffyne.ping\",\"data\":{\"t\":" + "1".repeat(1500) + "}}"));
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"Malformed JSON at offset 64: nesting deeper "
                + "than 64\",\"type\":\"bad_request\"}}", answer("[".repeat(10_000) + "]".repeat(10_000)));
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"Malformed JSON at offset 24: duplicate object "
                + "key\",\"type\":\"bad_request\"}}", answer("{\"event\":\"diffyne.ping\",\"event\":\"diffyne.call\"}"));
        // the greatest number within the limits is a number, not a clock: the server's clock answers
        assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":1763769000123}}",
                answer("{\"event\":\"diffyne.ping\",\"data\":{\"t\":" + "9".repeat(1100) + "}}"));
        assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":1}}", answer("{\"event\":\"diffyne.ping\",\"data\":{\"t\":1}}"));
        assertEquals(-1, peer.closeCode());
    }

    @Test
    void aRateLimitedRequestNamesItsRequestId() {
        SocketConnection limited = connection(5, SocketLimits.DEFAULT); // a burst of 10
        String call = "{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"r%s\"," + REF
                + ",\"method\":\"increment\"}}";
        for (int i = 0; i < 10; i++) {
            router.onText(limited, String.format(call, 1));
        }
        assertEquals("{\"event\":\"diffyne.response\",\"data\":{\"s\":true,\"c\":{\"i\":\"q3Xv9Tz0bA1c\"},"
                + "\"requestId\":\"r1\"}}", peer.last());
        router.onText(limited, String.format(call, 2));
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"Too many messages: slow down "
                + "(DIFFYNE_RATE_LIMIT)\",\"type\":\"rate_limited\",\"requestId\":\"r2\"}}", peer.last());
        router.onText(limited, "{oops");
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"Too many messages: slow down "
                + "(DIFFYNE_RATE_LIMIT)\",\"type\":\"rate_limited\"}}", peer.last());
        assertEquals(10, runtime.handled.size());
    }

    @Test
    void anInvalidRequestNamesItsRequestId() {
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"An action carries exactly one of 'snapshot' and "
                + "'ref'\",\"type\":\"bad_request\",\"requestId\":\"r10\"}}",
                answer("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"r10\",\"method\":\"x\"}}"));
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"requestId must be 1 to 64 characters of "
                + "letters, digits, '.', '_', ':' or '-'\",\"type\":\"bad_request\"}}", answer("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\","
                + "\"requestId\":\"bad id with spaces\",\"ref\":{\"id\":\"a\",\"sig\":\"b\",\"version\":-1},\"method\":\"x\"}}"));
    }

    @Test
    void aRuntimeFailureIsAServerErrorWithoutDetails() {
        runtime.failWith = new IllegalStateException("database password is hunter2");
        String answer = answer("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"r11\"," + REF
                + ",\"method\":\"x\"}}");
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"The server failed to handle this message\","
                + "\"type\":\"server_error\",\"requestId\":\"r11\"}}", answer);
    }

    @Test
    void overTheRateLimitGetsRateLimitedThenClosed() {
        SocketConnection limited = connection(60, new SocketLimits(8, 256, 1 << 20, 16, Duration.ofMinutes(5), 3));
        String ping = "{\"event\":\"diffyne.ping\",\"data\":{\"t\":1}}";
        for (int i = 0; i < 12; i++) {  // the burst allowance of a 60/min bucket: a fifth of a minute's
            router.onText(limited, ping);
        }
        assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":1}}", peer.last());
        router.onText(limited, ping);
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"Too many messages: slow down "
                + "(DIFFYNE_RATE_LIMIT)\",\"type\":\"rate_limited\"}}", peer.last());
        nanos.addAndGet(1_000_000_000L); // one second: one more message allowed
        router.onText(limited, ping);
        assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":1}}", peer.last());
        router.onText(limited, ping);
        router.onText(limited, ping);
        assertEquals(-1, peer.closeCode());
        router.onText(limited, ping);
        assertEquals(1008, peer.closeCode(), "closed after 3 refusals in a row");
        int sent = peer.sent.size();
        router.onText(limited, ping);
        assertEquals(sent, peer.sent.size(), "nothing more to a closed connection");
    }

    @Test
    void deliversBroadcastsToListeningComponentsAsPushes() {
        answer("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"r1\"," + REF
                + ",\"method\":\"join\",\"params\":[\"room:general\"]}}");
        SequencedBroadcast hello = bus.publish(new BroadcastMessage("room:general", "message-sent",
                Json.createValue("hello"), "other"));
        router.deliver(connection, hello);
        assertEquals("{\"event\":\"diffyne.push\",\"data\":{\"channel\":\"room:general\",\"ep\":\"" + hello.epoch()
                + "\",\"seq\":1,\"responses\":["
                + "{\"s\":true,\"c\":{\"i\":\"q3Xv9Tz0bA1c\"},\"got\":\"hello\"}]}}", peer.last());

        int sent = peer.sent.size();
        router.deliver(connection, bus.publish(new BroadcastMessage("room:other", "message-sent",
                Json.createValue("x"), "other")));
        assertEquals(sent, peer.sent.size(), "nothing pushed when no component handled it");
    }

    @Test
    void resumeReplaysMissedBroadcastsOfHeldChannelsOnly() {
        String ep = null;
        for (int i = 1; i <= 3; i++) {
            ep = bus.publish(new BroadcastMessage("room:general", "message-sent", Json.createValue("m" + i), "other"))
                    .epoch();
        }
        bus.publish(new BroadcastMessage("room:secret", "message-sent", Json.createValue("s"), "other"));
        answer("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"r1\"," + REF
                + ",\"method\":\"join\",\"params\":[\"room:general\"]}}");
        int before = peer.sent.size();
        router.onText(connection, "{\"event\":\"diffyne.resume\",\"data\":{\"channels\":{\"room:general\":{\"ep\":\""
                + ep + "\",\"seq\":1},\"room:secret\":0}}}");
        List<String> answers = peer.sent.subList(before, peer.sent.size());
        assertEquals(List.of(
                "{\"event\":\"diffyne.push\",\"data\":{\"channel\":\"room:general\",\"ep\":\"" + ep
                        + "\",\"seq\":2,\"responses\":[{\"s\":true,\"c\":{\"i\":\"q3Xv9Tz0bA1c\"},\"got\":\"m2\"}]}}",
                "{\"event\":\"diffyne.push\",\"data\":{\"channel\":\"room:general\",\"ep\":\"" + ep
                        + "\",\"seq\":3,\"responses\":[{\"s\":true,\"c\":{\"i\":\"q3Xv9Tz0bA1c\"},\"got\":\"m3\"}]}}",
                "{\"event\":\"diffyne.resumed\",\"data\":{\"channels\":{\"room:general\":{\"ep\":\"" + ep
                        + "\",\"seq\":3,\"complete\":true}}}}"),
                answers);
    }

    @Test
    void resumeWithAnotherLogsEpochReplaysNothingAndNamesTheNewLog() {
        // a restart or an eviction: the client's numbers belong to an old log; it learns the new epoch, re-renders
        String ep = bus.publish(new BroadcastMessage("room:general", "message-sent", Json.createValue("m1"), "other"))
                .epoch();
        answer("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"r1\"," + REF
                + ",\"method\":\"join\",\"params\":[\"room:general\"]}}");
        String incomplete = "{\"event\":\"diffyne.resumed\",\"data\":{\"channels\":{\"room:general\":{\"ep\":\"" + ep
                + "\",\"seq\":1,\"complete\":false}}}}";
        int before = peer.sent.size();
        router.onText(connection, "{\"event\":\"diffyne.resume\",\"data\":{\"channels\":{\"room:general\":"
                + "{\"ep\":\"old-log\",\"seq\":50}}}}");
        assertEquals(List.of(incomplete), peer.sent.subList(before, peer.sent.size()), "no old-epoch replay");

        before = peer.sent.size();
        router.onText(connection, "{\"event\":\"diffyne.resume\",\"data\":{\"channels\":{\"room:general\":50}}}");
        assertEquals(List.of(incomplete), peer.sent.subList(before, peer.sent.size()), "a bare number names no epoch");

        assertEquals("{\"event\":\"diffyne.resumed\",\"data\":{\"channels\":{\"room:quiet\":{\"seq\":0,"
                + "\"complete\":false}}}}", answer("{\"event\":\"diffyne.resume\",\"data\":{\"components\":[{\"id\":\"c9\","
                + "\"channel\":\"room:quiet\"}],\"channels\":{\"room:quiet\":{\"ep\":\"old-log\",\"seq\":7}}}}"),
                "no log since the restart: no epoch");
    }

    /**
     * A refused snapshot (stale: its newer answer is still on its way over AJAX, say) is named in the answer, so the
     * client registers the component again instead of leaving it deaf on this connection; its channel is not
     * answered, as the connection holds no component on it. Ids that no component could have are not echoed.
     */
    @Test
    void resumeNamesTheComponentsItRefused() {
        assertEquals("{\"event\":\"diffyne.resumed\",\"data\":{\"channels\":{\"room:a\":{\"seq\":0,"
                + "\"complete\":true}},\"refused\":[{\"id\":\"c8\",\"type\":\"stale_snapshot\"},"
                + "{\"id\":\"c9\",\"type\":\"security_error\"}]}}",
                answer("{\"event\":\"diffyne.resume\",\"data\":{\"components\":["
                        + "{\"id\":\"c7\",\"channel\":\"room:a\"},"
                        + "{\"id\":\"c8\",\"channel\":\"room:b\",\"stale\":true},"
                        + "{\"id\":\"c9\",\"channel\":\"room:b\",\"bad\":true},"
                        + "{\"id\":7,\"channel\":\"room:b\",\"bad\":true},"
                        + "{\"id\":\"" + "x".repeat(65) + "\",\"channel\":\"room:b\",\"bad\":true}],"
                        + "\"channels\":{\"room:a\":0,\"room:b\":0}}}"));
        assertEquals("{\"event\":\"diffyne.resumed\",\"data\":{\"channels\":{}}}",
                answer("{\"event\":\"diffyne.resume\",\"data\":{\"components\":[],\"channels\":{}}}"),
                "nothing refused: no list");
    }

    private static final String RESUME_ONE = "{\"event\":\"diffyne.resume\",\"data\":{\"requestId\":\"r9\","
            + "\"components\":[{\"id\":\"c7\",\"channel\":\"chat.general\"}],\"channels\":{\"chat.general\":0}}}";

    @Test
    void resumeChargesEachReplayAndCutsTheReplayWhenTheAllowanceRunsOut() {
        SocketConnection limited = connection(60, SocketLimits.DEFAULT); // burst 12
        for (int i = 1; i <= 20; i++) {
            bus.publish(new BroadcastMessage("chat.general", "message-sent", Json.createValue(i), "other"));
        }
        String ep = bus.since("chat.general", null, 0).epoch();
        router.onText(limited, RESUME_ONE);
        // 12 = 1 for the message + 1 for the registration + 10 replays; the other 10 are not rendered
        assertEquals(10, runtime.delivered);
        assertEquals(11, peer.sent.size());
        assertEquals("{\"event\":\"diffyne.push\",\"data\":{\"channel\":\"chat.general\",\"ep\":\"" + ep
                + "\",\"seq\":10,\"responses\":[{\"s\":true,\"c\":{\"i\":\"c7\"},\"got\":10}]}}", peer.sent.get(9));
        assertEquals("{\"event\":\"diffyne.resumed\",\"data\":{\"channels\":{\"chat.general\":{\"ep\":\"" + ep
                + "\",\"seq\":20,\"complete\":false}}}}", peer.last(), "incomplete: the client re-renders");
        assertTrue(limited.isOpen(), "a cut replay is not abuse");
    }

    @Test
    void aResumeRegisteringMoreThanTheAllowanceIsRefusedAndDoesNothing() {
        SocketConnection limited = connection(60, SocketLimits.DEFAULT); // burst 12: 11 left after the message
        StringBuilder components = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            components.append(i == 0 ? "" : ",").append("{\"id\":\"c").append(i).append("\",\"channel\":\"a\"}");
        }
        bus.publish(new BroadcastMessage("a", "message-sent", Json.createValue("m"), "other"));
        router.onText(limited, "{\"event\":\"diffyne.resume\",\"data\":{\"requestId\":\"r9\",\"components\":["
                + components + "],\"channels\":{\"a\":0}}}");
        assertEquals(List.of("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"diffyne.resume registers 12 "
                + "snapshots, more than this connection's allowance now (DIFFYNE_RATE_LIMIT): resume with fewer or "
                + "later\",\"type\":\"rate_limited\",\"requestId\":\"r9\"}}"), peer.sent);
        assertEquals(0, limited.live().size());
        assertEquals(0, runtime.delivered);
    }

    @Test
    void aConnectionClosedDuringAResumeStopsReplaying() {
        for (int i = 1; i <= 50; i++) {
            bus.publish(new BroadcastMessage("chat.general", "message-sent", Json.createValue(i), "other"));
        }
        runtime.duringDeliver = () -> {
            if (runtime.delivered == 3) {
                peer.close(new jakarta.websocket.CloseReason(jakarta.websocket.CloseReason.CloseCodes.GOING_AWAY, "tab closed"));
            }
        };
        router.onText(connection, RESUME_ONE);
        assertEquals(3, runtime.delivered, "nothing rendered after the socket went away");
        assertTrue(peer.sent.stream().noneMatch(m -> m.contains("diffyne.resumed")), String.join("\n", peer.sent));
    }

    @Test
    void aConnectionReleasedDuringAResumeStopsReplaying() {
        for (int i = 1; i <= 50; i++) {
            bus.publish(new BroadcastMessage("chat.general", "message-sent", Json.createValue(i), "other"));
        }
        // the container reported the close (SocketSessions.closed) while the session object still says open
        runtime.duringDeliver = () -> connection.release();
        router.onText(connection, RESUME_ONE);
        assertEquals(1, runtime.delivered);
    }

    @Test
    void resumeRejectsBadInput() {
        String shape = "{\"event\":\"diffyne.error\",\"data\":{\"error\":\"diffyne.resume needs {\\\"components\\\":"
                + "[<snapshot>,…],\\\"channels\\\":{\\\"<channel>\\\":{\\\"ep\\\":<epoch>,\\\"seq\\\":<last seq seen>}}}\","
                + "\"type\":\"bad_request\"}}";
        assertEquals(shape, answer("{\"event\":\"diffyne.resume\",\"data\":5}"));
        assertEquals(shape, answer("{\"event\":\"diffyne.resume\",\"data\":{\"channels\":[]}}"));
        assertEquals(shape, answer("{\"event\":\"diffyne.resume\",\"data\":{\"components\":{}}}"));
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"every entry of diffyne.resume's 'components' "
                + "must be a snapshot object\",\"type\":\"bad_request\"}}",
                answer("{\"event\":\"diffyne.resume\",\"data\":{\"components\":[1]}}"));
        String point = "{\"event\":\"diffyne.error\",\"data\":{\"error\":\"channel 'a' must name {\\\"ep\\\":<epoch of "
                + "at most 64 characters>,\\\"seq\\\":<last seq seen, a non-negative whole number>}\",\"type\":\"bad_request\"}}";
        assertEquals(point, answer("{\"event\":\"diffyne.resume\",\"data\":{\"channels\":{\"a\":-1}}}"));
        assertEquals(point, answer("{\"event\":\"diffyne.resume\",\"data\":{\"channels\":{\"a\":{\"ep\":\"e\"}}}}"));
        assertEquals(point, answer("{\"event\":\"diffyne.resume\",\"data\":{\"channels\":{\"a\":{\"ep\":1,\"seq\":1}}}}"));
        assertEquals(point, answer("{\"event\":\"diffyne.resume\",\"data\":{\"channels\":{\"a\":{\"ep\":\""
                + "x".repeat(65) + "\",\"seq\":1}}}}"));
        StringBuilder many = new StringBuilder("{\"event\":\"diffyne.resume\",\"data\":{\"channels\":{");
        for (int i = 0; i <= MessageRouter.MAX_RESUME_CHANNELS; i++) {
            many.append(i == 0 ? "" : ",").append("\"c").append(i).append("\":0");
        }
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"diffyne.resume may name at most 64 channels\","
                + "\"type\":\"bad_request\"}}", answer(many.append("}}}").toString()));
        String snapshots = "{\"id\":\"a\",\"channel\":\"c\"},".repeat(65);
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"diffyne.resume may register at most 64 "
                + "components\",\"type\":\"bad_request\"}}", answer("{\"event\":\"diffyne.resume\",\"data\":"
                + "{\"components\":[" + snapshots.substring(0, snapshots.length() - 1) + "]}}"));
    }

    @Test
    void aBrokenSocketIsNotMistakenForASlowClient() {
        peer.autoComplete = false;
        String ping = "{\"event\":\"diffyne.ping\",\"data\":{\"t\":1}}";
        router.onText(connection, ping);
        peer.failNext();
        router.onText(connection, ping);
        assertEquals(-1, peer.closeCode(), "the container closes it; no 1013 on top");
    }

    @Test
    void aSlowClientIsClosedWith1013() {
        peer.autoComplete = false;
        SocketConnection slow = connection(0, new SocketLimits(8, 4, 1 << 20, 16, Duration.ofMinutes(5), 100));
        String ping = "{\"event\":\"diffyne.ping\",\"data\":{\"t\":1}}";
        for (int i = 0; i < 4; i++) {
            router.onText(slow, ping);
        }
        assertEquals(-1, peer.closeCode());
        router.onText(slow, ping);
        assertEquals(1013, peer.closeCode());
        assertEquals("send queue full: the client does not read fast enough", peer.closes.get(0).getReasonPhrase());
    }
}
