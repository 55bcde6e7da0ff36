package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.websocket.DemoPage;
import io.diffyne.transport.websocket.TestSocket;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Call and update round trips on the demo counter over a real WebSocket, by full snapshot and by reference. */
class WebSocketActionsIT extends AbstractDiffyneIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern SIG = Pattern.compile("\"v\":(\\d+),\"sig\":\"([A-Za-z0-9_-]{22})\"");

    private static String call(String requestId, String basis, String method) {
        return "{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"" + requestId + "\"," + basis
                + ",\"method\":\"" + method + "\"}}";
    }

    private static String ref(String id, Matcher versionAndSig) {
        return "\"ref\":{\"id\":\"" + id + "\",\"version\":" + versionAndSig.group(1) + ",\"sig\":\""
                + versionAndSig.group(2) + "\"}";
    }

    private static Matcher signed(String response) {
        Matcher m = SIG.matcher(response);
        assertTrue(m.find(), "a new version and signature in " + response);
        return m;
    }

    @Test
    void callRoundTripsByFullSnapshotThenByReference() {
        DemoPage page = DemoPage.get(loopbackBase(), "");
        String id = page.id("counter");
        try (TestSocket socket = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()))) {
            socket.send(call("r1", "\"snapshot\":" + page.snapshot("counter"), "increment"));
            String first = socket.next(WAIT);
            Matcher v2 = signed(first);
            assertEquals("{\"event\":\"diffyne.response\",\"data\":{\"s\":true,\"c\":{\"i\":\"" + id + "\",\"p\":[{\"t\":\"t\","
                    + "\"p\":[1,0,0],\"x\":\"1\"}],\"sd\":[[\"p\",\"/count\",1]],\"v\":2,\"sig\":\"" + v2.group(2)
                    + "\"},\"requestId\":\"r1\"}}", first);

            socket.send(call("r2", ref(id, v2), "increment"));
            String second = socket.next(WAIT);
            Matcher v3 = signed(second);
            assertEquals("{\"event\":\"diffyne.response\",\"data\":{\"s\":true,\"c\":{\"i\":\"" + id + "\",\"p\":[{\"t\":\"t\","
                    + "\"p\":[1,0,0],\"x\":\"2\"}],\"sd\":[[\"p\",\"/count\",2]],\"v\":3,\"sig\":\"" + v3.group(2)
                    + "\"},\"requestId\":\"r2\"}}", second);
        }
    }

    @Test
    void updateRoundTripsByReference() {
        DemoPage page = DemoPage.get(loopbackBase(), "");
        String id = page.id("counter");
        try (TestSocket socket = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()))) {
            socket.send(call("u1", "\"snapshot\":" + page.snapshot("counter"), "increment"));
            Matcher v2 = signed(socket.next(WAIT));
            socket.send("{\"event\":\"diffyne.update\",\"data\":{\"type\":\"update\",\"requestId\":\"u2\"," + ref(id, v2)
                    + ",\"property\":\"count\",\"value\":41}}");
            String answer = socket.next(WAIT);
            Matcher v3 = signed(answer);
            assertEquals("{\"event\":\"diffyne.response\",\"data\":{\"s\":true,\"c\":{\"i\":\"" + id + "\",\"p\":[{\"t\":\"t\","
                    + "\"p\":[1,0,0],\"x\":\"41\"}],\"sd\":[[\"p\",\"/count\",41]],\"v\":3,\"sig\":\"" + v3.group(2)
                    + "\"},\"requestId\":\"u2\"}}", answer);
        }
    }

    @Test
    void aReferenceTheConnectionDoesNotHoldAsksForTheSnapshot() {
        DemoPage page = DemoPage.get(loopbackBase(), "");
        String id = page.id("counter");
        try (TestSocket socket = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()))) {
            socket.send(call("s1", "\"ref\":{\"id\":\"" + id + "\",\"version\":1,\"sig\":\"AAAAAAAAAAAAAAAAAAAAAA\"}",
                    "increment"));
            String answer = socket.next(WAIT);
            assertTrue(answer.startsWith("{\"event\":\"diffyne.response\",\"data\":{\"s\":false,"), answer);
            assertTrue(answer.contains("\"type\":\"snapshot_required\""), answer);
            assertTrue(answer.endsWith("\"requestId\":\"s1\"}}"), answer);
        }
    }

    @Test
    void aRepeatedRequestIdIsAnsweredFromTheFirstResult() {
        DemoPage page = DemoPage.get(loopbackBase(), "");
        try (TestSocket socket = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()))) {
            String request = call("same-1", "\"snapshot\":" + page.snapshot("counter"), "increment");
            socket.send(request);
            String first = socket.next(WAIT);
            socket.send(request);
            assertEquals(first, socket.next(WAIT));
        }
    }
}
