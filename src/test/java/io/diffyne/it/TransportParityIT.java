package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.websocket.DemoPage;
import io.diffyne.transport.websocket.TestSocket;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same request gives the same response body over both transports: one counter snapshot, incremented once over
 * AJAX and once over WebSocket (each with its own requestId, so neither answer comes from the idempotency cache).
 */
@Timeout(120)
class TransportParityIT extends AbstractDiffyneIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static String call(String requestId, String snapshot, String method) {
        return "{\"type\":\"call\",\"requestId\":\"" + requestId + "\",\"snapshot\":" + snapshot
                + ",\"method\":\"" + method + "\"}";
    }

    /** The body without what differs between two mounts of one component: its id, and so its signatures. */
    private static String anyMount(String body) {
        return body.replaceAll("\"i\":\"[A-Za-z0-9_-]{12}\"", "\"i\":\"?\"")
                .replaceAll("\"sig\":\"[A-Za-z0-9_-]{22}\"", "\"sig\":\"?\"");
    }

    @Test
    void aCallAnswersTheSameBodyOverAjaxAndWebSocket() throws Exception {
        // two mounts: a snapshot acted on once is stale afterwards, whatever the transport
        String snapshot = DemoPage.get(loopbackBase(), "").snapshot("counter");
        HttpResponse<String> ajax = postJson("_diffyne/update", call("parity-ajax", snapshot, "increment"));
        assertEquals(200, ajax.statusCode(), ajax.body());

        try (TestSocket socket = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()))) {
            String another = DemoPage.get(loopbackBase(), "").snapshot("counter");
            socket.send("{\"event\":\"diffyne.call\",\"data\":" + call("parity-ws", another, "increment") + "}");
            String envelope = socket.nextEvent("diffyne.response", WAIT);
            String prefix = "{\"event\":\"diffyne.response\",\"data\":";
            assertTrue(envelope.startsWith(prefix) && envelope.endsWith("}"), envelope);
            String ws = envelope.substring(prefix.length(), envelope.length() - 1);

            assertTrue(ajax.body().contains("\"p\":[{\"t\":\"t\""), "one text patch: " + ajax.body());
            assertEquals(anyMount(ajax.body().replace("\"requestId\":\"parity-ajax\"", "\"requestId\":\"?\"")),
                    anyMount(ws.replace("\"requestId\":\"parity-ws\"", "\"requestId\":\"?\"")));
        }
    }

    @Test
    void aRefusedCallAnswersTheSameBodyOverAjaxAndWebSocket() throws Exception {
        String snapshot = DemoPage.get(loopbackBase(), "").snapshot("counter");
        HttpResponse<String> ajax = postJson("_diffyne/update", call("refused-ajax", snapshot, "hydrate"));
        assertEquals(400, ajax.statusCode(), ajax.body());

        try (TestSocket socket = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()))) {
            socket.send("{\"event\":\"diffyne.call\",\"data\":" + call("refused-ws", snapshot, "hydrate") + "}");
            String envelope = socket.nextEvent("diffyne.response", WAIT);
            String ws = envelope.substring("{\"event\":\"diffyne.response\",\"data\":".length(), envelope.length() - 1);
            assertEquals("{\"s\":false,\"error\":\"Method 'hydrate' is not callable on component 'counter': only "
                    + "public methods annotated @Invokable are\",\"type\":\"method_error\",\"requestId\":\"?\"}",
                    ws.replace("refused-ws", "?"));
            assertEquals(ws.replace("refused-ws", "?"), ajax.body().replace("refused-ajax", "?"));
        }
    }
}
