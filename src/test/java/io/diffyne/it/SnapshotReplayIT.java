package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.diffyne.transport.http.AjaxTestClient;
import io.diffyne.transport.websocket.TestSocket;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Finding 7 of issue 12: a validly signed but older snapshot is a rollback attempt, refused as {@code stale_snapshot}
 * (409) on both transports; the retry of the action that issued the newer version still gets its first answer.
 */
class SnapshotReplayIT extends AbstractDiffyneIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void versionTwoAfterVersionThreeWasIssuedIsRefused() throws Exception {
        AjaxTestClient ajax = new AjaxTestClient(loopbackBase());
        JsonObject v1 = ajax.snapshotFromPage("", "counter");
        JsonObject v2 = AjaxTestClient.next(v1, AjaxTestClient.object(
                ajax.postJson("update", AjaxTestClient.call(v1, "increment", "replay-1"))));
        HttpResponse<String> toV3 = ajax.postJson("update", AjaxTestClient.call(v2, "increment", "replay-2"));
        assertEquals(3, AjaxTestClient.object(toV3).getJsonObject("c").getInt("v"), toV3.body());

        HttpResponse<String> rollback = ajax.postJson("update", AjaxTestClient.call(v2, "decrement", "replay-9"));
        assertEquals(409, rollback.statusCode(), rollback.body());
        assertEquals("{\"s\":false,\"error\":\"Version 2 of component 'counter' is stale: a newer version was issued. "
                + "Send the newest snapshot, or reload the page\",\"type\":\"stale_snapshot\",\"requestId\":\"replay-9\"}",
                rollback.body());
        assertEquals(toV3.body(), ajax.postJson("update", AjaxTestClient.call(v2, "increment", "replay-2")).body(),
                "the retry of the action that issued version 3 gets its first answer");

        try (TestSocket socket = TestSocket.connectAsPage(loopbackBase(), TestSocket.pageToken(loopbackBase()))) {
            socket.send("{\"event\":\"diffyne.call\",\"data\":{\"type\":\"call\",\"requestId\":\"replay-ws\","
                    + "\"snapshot\":" + v1 + ",\"method\":\"decrement\"}}");
            assertEquals("{\"event\":\"diffyne.response\",\"data\":{\"s\":false,\"error\":\"Version 1 of component "
                    + "'counter' is stale: a newer version was issued. Send the newest snapshot, or reload the page\","
                    + "\"type\":\"stale_snapshot\",\"requestId\":\"replay-ws\"}}", socket.nextEvent("diffyne.response", WAIT));
        }
    }
}
