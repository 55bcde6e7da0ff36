package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.websocket.DemoPage;
import io.diffyne.transport.websocket.TestSocket;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 8: after a restart or an evicted channel log, numbering starts at 1 again. A client holding the
 * old log's epoch and a high seq resumes: the server replays nothing of a log it does not know, says so
 * ({@code complete:false}, naming the log it has, if any), and the next broadcast reaches the client under the new
 * epoch, numbered from where the new log stands (a client comparing only seq would have dropped it).
 */
class ChannelEpochIT extends AbstractDiffyneIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String OLD = "{\"ep\":\"oldLog00\",\"seq\":50}";

    private static String room(String name) {
        return "it-ep-" + name + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    private String snapshot(String room, String name) {
        return DemoPage.get(loopbackBase(), "chat?room=" + room + "&name=" + name).snapshot("chat-room");
    }

    private TestSocket resume(String snapshot, String channel, String point) {
        TestSocket socket = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()));
        socket.send("{\"event\":\"diffyne.resume\",\"data\":{\"components\":[" + snapshot + "],\"channels\":{\""
                + channel + "\":" + point + "}}}");
        return socket;
    }

    /** Alice says something in the room over a socket of her own; returns when the server has answered. */
    private void say(String room, String text) {
        try (TestSocket a = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()))) {
            a.send("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"s1\",\"snapshot\":"
                    + snapshot(room, "alice") + ",\"method\":\"sendMessage\",\"updates\":{\"newMessage\":\"" + text
                    + "\"}}}");
            String response = a.nextEvent("diffyne.response", WAIT);
            assertTrue(response.contains("\"s\":true"), response);
        }
    }

    private static String epochOf(String push) {
        return push.substring(push.indexOf("\"ep\":\"") + 6, push.indexOf("\",\"seq\""));
    }

    @Test
    void aClientOfTheOldLogIsToldTheLogIsNewAndGetsItsFirstBroadcast() {
        // as after a restart: the channel has no log yet
        String room = room("new");
        String channel = "chat." + room;
        try (TestSocket bob = resume(snapshot(room, "bob"), channel, OLD)) {
            assertEquals("{\"event\":\"diffyne.resumed\",\"data\":{\"channels\":{\"" + channel
                    + "\":{\"seq\":0,\"complete\":false}}}}", bob.next(WAIT), "no log, nothing replayed");
            say(room, "after the restart");
            String push = bob.nextEvent("diffyne.push", WAIT);
            assertTrue(push.matches("\\{\"event\":\"diffyne.push\",\"data\":\\{\"channel\":\"" + channel + "\",\"ep\":\""
                    + WebSocketBroadcastIT.EPOCH + "\",\"seq\":1,\"responses\":\\[\\{\"s\":true,.*"), push);
            assertNotEquals("oldLog00", epochOf(push));
            assertTrue(push.contains("after the restart"), push);
        }
    }

    @Test
    void aClientOfAnotherLogGetsNoReplayThenTheNextBroadcastOfTheLogItIsToldOf() {
        String room = room("other");
        String channel = "chat." + room;
        say(room, "one");
        try (TestSocket bob = resume(snapshot(room, "bob"), channel, OLD)) {
            String resumed = bob.next(WAIT);
            assertTrue(resumed.matches("\\{\"event\":\"diffyne.resumed\",\"data\":\\{\"channels\":\\{\"" + channel
                    + "\":\\{\"ep\":\"" + WebSocketBroadcastIT.EPOCH + "\",\"seq\":1,\"complete\":false}}}}"),
                    "the first message, not replayed (seq 50 of another log means nothing here): " + resumed);
            String ep = resumed.substring(resumed.indexOf("\"ep\":\"") + 6, resumed.indexOf("\",\"seq\""));
            say(room, "two");
            String push = bob.nextEvent("diffyne.push", WAIT);
            assertTrue(push.startsWith("{\"event\":\"diffyne.push\",\"data\":{\"channel\":\"" + channel + "\",\"ep\":\""
                    + ep + "\",\"seq\":2,\"responses\":[{\"s\":true,"), push);
            assertTrue(push.contains("two"), push);
        }
    }
}
