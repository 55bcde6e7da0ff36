package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.websocket.DemoPage;
import io.diffyne.transport.websocket.TestSocket;

import java.time.Duration;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/**
 * The seed's chat room over real WebSockets: a message sent in a room is pushed, re-rendered, to the other
 * connections in that room and to none in another room; a client that was away gets what it missed on resume.
 */
class WebSocketBroadcastIT extends AbstractDiffyneIT {

    private static final Logger LOG = Logger.getLogger(WebSocketBroadcastIT.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** A channel log's epoch as the server makes them. */
    static final String EPOCH = "[A-Za-z0-9_-]{8}";

    /** A room name no other test uses, so its channel's numbering starts at 1. */
    private static String room(String name) {
        return "it-" + name + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    private TestSocket join(String snapshot, String channels) {
        TestSocket socket = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()));
        socket.send("{\"event\":\"diffyne.resume\",\"data\":{\"components\":[" + snapshot + "],\"channels\":{" + channels
                + "}}}");
        return socket;
    }

    private static String say(String requestId, String snapshot, String text) {
        return "{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"" + requestId + "\",\"snapshot\":"
                + snapshot + ",\"method\":\"sendMessage\",\"updates\":{\"newMessage\":\"" + text + "\"}}}";
    }

    @Test
    void aMessageReachesTheOtherConnectionInTheRoomAndNoneInAnotherRoom() {
        String room = room("b");
        String other = room("o");
        String alice = DemoPage.get(loopbackBase(), "chat?room=" + room + "&name=alice").snapshot("chat-room");
        String bob = DemoPage.get(loopbackBase(), "chat?room=" + room + "&name=bob").snapshot("chat-room");
        String carol = DemoPage.get(loopbackBase(), "chat?room=" + other + "&name=carol").snapshot("chat-room");
        try (TestSocket a = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()));
             TestSocket b = join(bob, "");
             TestSocket c = join(carol, "")) {
            assertEquals("{\"event\":\"diffyne.resumed\",\"data\":{\"channels\":{}}}", b.next(WAIT));
            assertEquals("{\"event\":\"diffyne.resumed\",\"data\":{\"channels\":{}}}", c.next(WAIT));

            long start = System.nanoTime();
            a.send(say("a1", alice, "hello from alice"));
            String response = a.nextEvent("diffyne.response", WAIT);
            assertTrue(response.contains("\"s\":true") && response.contains("hello from alice"), response);

            String push = b.next(WAIT);
            long micros = (System.nanoTime() - start) / 1_000;
            LOG.info("broadcast: sender's call to the other connection's push in " + micros + " µs");
            assertTrue(push.matches("\\{\"event\":\"diffyne.push\",\"data\":\\{\"channel\":\"chat." + room
                    + "\",\"ep\":\"" + EPOCH + "\",\"seq\":1,\"responses\":\\[\\{\"s\":true,\"c\":\\{\"i\":\".*"), push);
            assertTrue(push.contains("hello from alice"), push);

            assertNull(c.poll(Duration.ofSeconds(1)), "nothing reaches another room");
        }
    }

    @Test
    void aClientThatWasAwayGetsWhatItMissedOnResume() {
        String room = room("r");
        String alice = DemoPage.get(loopbackBase(), "chat?room=" + room + "&name=alice").snapshot("chat-room");
        String bob = DemoPage.get(loopbackBase(), "chat?room=" + room + "&name=bob").snapshot("chat-room");
        try (TestSocket a = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()))) {
            a.send(say("m1", alice, "first"));
            a.nextEvent("diffyne.response", WAIT);
            // a fresh mount: the first snapshot is stale once acted on
            a.send(say("m2", DemoPage.get(loopbackBase(), "chat?room=" + room + "&name=alice").snapshot("chat-room"),
                    "second"));
            a.nextEvent("diffyne.response", WAIT);
        }
        try (TestSocket b = join(bob, "\"chat." + room + "\":0")) {
            String first = b.next(WAIT);
            String second = b.next(WAIT);
            assertTrue(first.matches("\\{\"event\":\"diffyne.push\",\"data\":\\{\"channel\":\"chat." + room
                    + "\",\"ep\":\"" + EPOCH + "\",\"seq\":1,.*"), first);
            String ep = first.substring(first.indexOf("\"ep\":\"") + 6, first.indexOf("\",\"seq\""));
            // delivering seq 1 already re-rendered from the store, which holds both messages by now
            assertTrue(first.contains("first") && first.contains("second"), first);
            assertTrue(second.matches("\\{\"event\":\"diffyne.push\",\"data\":\\{\"channel\":\"chat." + room
                    + "\",\"ep\":\"" + ep + "\",\"seq\":2,\"responses\":\\[\\{\"s\":true,\"c\":\\{\"i\":\"[A-Za-z0-9_-]{12}\","
                    + "\"p\":\\[],\"sd\":\\[],\"v\":3,\"sig\":\"[A-Za-z0-9_-]{22}\"}}]}}"), "nothing left to change: " + second);
            assertEquals("{\"event\":\"diffyne.resumed\",\"data\":{\"channels\":{\"chat." + room
                    + "\":{\"ep\":\"" + ep + "\",\"seq\":2,\"complete\":true}}}}", b.next(WAIT));
            try (TestSocket upToDate = join(bob, "\"chat." + room + "\":{\"ep\":\"" + ep + "\",\"seq\":2}")) {
                assertEquals("{\"event\":\"diffyne.resumed\",\"data\":{\"channels\":{\"chat." + room
                        + "\":{\"ep\":\"" + ep + "\",\"seq\":2,\"complete\":true}}}}", upToDate.next(WAIT),
                        "nothing to replay");
            }
        }
    }
}
