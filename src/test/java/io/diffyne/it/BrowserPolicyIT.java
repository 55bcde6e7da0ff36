package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.http.AjaxTestClient;
import io.diffyne.transport.websocket.TestSocket;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What a page may do on the default settings ({@code DIFFYNE_WS_CORS_ORIGINS=*}), tried as an attacker would: an
 * {@code event} request forged to skip the demo's delete confirmation is refused, the same event relayed with the
 * server's pass runs; a foreign site cannot fetch a handshake token, nor connect with one of this site's.
 */
class BrowserPolicyIT extends AbstractDiffyneIT {

    private static final String FOREIGN = "https://evil.example";

    private static String event(JsonObject snapshot, String name, JsonObject data, String pass) {
        var body = Json.createObjectBuilder().add("type", "event").add("snapshot", snapshot).add("event", name)
                .add("data", data);
        return (pass == null ? body : body.add("pass", pass)).build().toString();
    }

    @Test
    void aForgedEventCannotSkipTheConfirmationButTheServersOwnEventRuns() throws Exception {
        AjaxTestClient client = new AjaxTestClient(loopbackBase());
        JsonObject posts = client.snapshotFromPage("", "post-list");
        JsonObject modal = client.snapshotFromPage("", "confirmation-modal");
        JsonObject deletePost2 = Json.createObjectBuilder().add("id", 2).build();

        HttpResponse<String> forged = client.postJson("update", event(posts, "delete-post-confirmed", deletePost2, null));
        assertEquals(403, forged.statusCode(), forged.body());
        assertEquals("{\"s\":false,\"error\":\"Event 'delete-post-confirmed' of component 'post-list' has no pass from"
                + " the server, and its listeners are server-side: a listener the browser may trigger is marked"
                + " @On(value = \\\"delete-post-confirmed\\\", fromClient = true)\",\"type\":\"security_error\"}",
                forged.body());
        HttpResponse<String> forgedPass = client.postJson("update",
                event(posts, "delete-post-confirmed", deletePost2, "99999999999999.AAAAAAAAAAAAAAAAAAAAAA"));
        assertEquals(403, forgedPass.statusCode(), forgedPass.body());

        // the real flow, as the browser relays it: ask, open the modal with the pass, confirm, delete with the pass
        HttpResponse<String> asked = client.postJson("update", Json.createObjectBuilder().add("type", "call")
                .add("snapshot", posts).add("method", "confirmDelete").add("params", Json.createArrayBuilder().add(2))
                .build().toString());
        JsonObject open = AjaxTestClient.object(asked).getJsonArray("events").getJsonObject(0);
        posts = AjaxTestClient.next(posts, AjaxTestClient.object(asked)); // version 1 is stale now (stale_snapshot)
        HttpResponse<String> opened = client.postJson("update",
                event(modal, open.getString("name"), open.getJsonObject("data"), open.getString("pass")));
        assertEquals(200, opened.statusCode(), opened.body());
        modal = AjaxTestClient.next(modal, AjaxTestClient.object(opened));
        HttpResponse<String> confirmed = client.postJson("update", AjaxTestClient.call(modal, "confirm", "bp-2"));
        JsonObject delete = AjaxTestClient.object(confirmed).getJsonArray("events").getJsonObject(0);
        assertEquals(deletePost2, delete.getJsonObject("data"));
        HttpResponse<String> deleted = client.postJson("update",
                event(posts, delete.getString("name"), delete.getJsonObject("data"), delete.getString("pass")));
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals(9, AjaxTestClient.next(posts, AjaxTestClient.object(deleted)).getJsonObject("state")
                .getJsonArray("posts").size());
    }

    @Test
    void underAnyOriginTokensGoOnlyToThisSitesPages() {
        HttpResponse<String> foreign = TestSocket.postToken(loopbackBase(), FOREIGN);
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertEquals("{\"s\":false,\"error\":\"Origin 'https://evil.example' is refused: tokens go to pages of this"
                + " site (same scheme, host and port) and to origins listed in DIFFYNE_WS_CORS_ORIGINS (\\\"*\\\" lists"
                + " none)\",\"type\":\"security_error\"}", foreign.body());

        HttpResponse<String> own = TestSocket.postToken(loopbackBase(), TestSocket.origin(loopbackBase()));
        assertEquals(200, own.statusCode(), own.body());
        assertTrue(own.body().startsWith("{\"token\":\"v1."), own.body());
    }

    @Test
    void underAnyOriginAForeignPageCannotConnectWithThisSitesToken() throws Exception {
        String token = TestSocket.pageToken(loopbackBase());
        assertEquals(403, TestSocket.refusedStatus(TestSocket.wsUri(loopbackBase(), "token=" + token),
                Map.of("Origin", FOREIGN)));
        try (TestSocket page = TestSocket.connectAsPage(loopbackBase(), token)) {
            // connected: the greeting was read
        }
    }
}
