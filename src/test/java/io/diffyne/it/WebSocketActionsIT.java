package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.websocket.DemoPage;
import io.diffyne.transport.websocket.TestSocket;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Update and call round trips on the demo chat room over a real WebSocket: first by full snapshot, then by
 * reference to the version the connection holds; a reference it does not hold, a repeated request id and a failed
 * validation.
 */
class WebSocketActionsIT extends AbstractDiffyneIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern SIG = Pattern.compile("\"v\":(\\d+),\"sig\":\"([A-Za-z0-9_-]{22})\"");

    private static String ref(String id, Matcher versionAndSig) {
        return "\"ref\":{\"id\":\"" + id + "\",\"version\":" + versionAndSig.group(1) + ",\"sig\":\""
                + versionAndSig.group(2) + "\"}";
    }

    private static Matcher signed(String response) {
        Matcher m = SIG.matcher(response);
        assertTrue(m.find(), "a new version and signature in " + response);
        return m;
    }

    private static String update(String requestId, String basis, String value) {
        return "{\"event\":\"diffyne.update\",\"data\":{\"type\":\"update\",\"requestId\":\"" + requestId + "\"," + basis
                + ",\"property\":\"newMessage\",\"value\":\"" + value + "\"}}";
    }

    private static String call(String requestId, String basis, String method) {
        return "{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"" + requestId + "\"," + basis
                + ",\"method\":\"" + method + "\"}}";
    }

    private DemoPage chat(String room) {
        return DemoPage.get(loopbackBase(), "chat?room=" + room + "&name=ada");
    }

    @Test
    void updateBySnapshotThenCallByReference() {
        String room = "it-act-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        DemoPage page = chat(room);
        String id = page.id("chat-room");
        try (TestSocket socket = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()))) {
            socket.send(update("u1", "\"snapshot\":" + page.snapshot("chat-room"), "hello there"));
            String updated = socket.next(WAIT);
            Matcher v2 = signed(updated);
            assertEquals("{\"event\":\"diffyne.response\",\"data\":{\"s\":true,\"c\":{\"i\":\"" + id + "\",\"p\":[],"
                    + "\"sd\":[[\"p\",\"/newMessage\",\"hello there\"]],\"v\":2,\"sig\":\"" + v2.group(2)
                    + "\"},\"requestId\":\"u1\"}}", updated);

            socket.send(call("c1", ref(id, v2), "sendMessage"));
            String called = socket.nextEvent("diffyne.response", WAIT);
            Matcher v3 = signed(called);
            assertEquals("3", v3.group(1));
            assertTrue(called.startsWith("{\"event\":\"diffyne.response\",\"data\":{\"s\":true,\"c\":{\"i\":\"" + id
                    + "\",\"p\":[{"), called);
            assertTrue(called.contains("hello there") && called.contains("[\"p\",\"/newMessage\",\"\"]"), called);
            assertTrue(called.endsWith(",\"requestId\":\"c1\"}}"), called);
        }
    }

    @Test
    void aReferenceTheConnectionDoesNotHoldAsksForTheSnapshot() {
        String id = chat("it-ref").id("chat-room");
        try (TestSocket socket = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()))) {
            socket.send(update("s1", "\"ref\":{\"id\":\"" + id + "\",\"version\":1,\"sig\":\"AAAAAAAAAAAAAAAAAAAAAA\"}",
                    "x"));
            String answer = socket.next(WAIT);
            assertTrue(answer.matches("\\{\"event\":\"diffyne.response\",\"data\":\\{\"s\":false,\"error\":\"[^\"]+\","
                    + "\"type\":\"snapshot_required\",\"requestId\":\"s1\"}}"), answer);
        }
    }

    @Test
    void aRepeatedRequestIdIsAnsweredFromTheFirstResult() {
        DemoPage page = chat("it-rep");
        try (TestSocket socket = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()))) {
            String request = update("same-1", "\"snapshot\":" + page.snapshot("chat-room"), "once");
            socket.send(request);
            String first = socket.next(WAIT);
            socket.send(request);
            assertEquals(first, socket.next(WAIT));
        }
    }

    @Test
    void aFailedValidationIsAResponseAndTheSocketStaysUsable() {
        DemoPage page = chat("it-val");
        try (TestSocket socket = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()))) {
            socket.send(call("v1", "\"snapshot\":" + page.snapshot("chat-room"), "sendMessage"));
            String answer = socket.next(WAIT);
            assertTrue(answer.startsWith("{\"event\":\"diffyne.response\",\"data\":{\"s\":false,"), answer);
            assertTrue(answer.contains("\"type\":\"validation_error\"")
                    && answer.contains("The new message field is required."), answer);
            socket.send("{\"event\":\"diffyne.ping\",\"data\":{\"t\":3}}");
            assertEquals("{\"event\":\"diffyne.pong\",\"data\":{\"t\":3}}", socket.next(WAIT));
        }
    }
}
