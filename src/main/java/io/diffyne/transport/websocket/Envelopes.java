package io.diffyne.transport.websocket;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.protocol.ErrorType;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * Writes server → client envelopes. Response bodies from the runtime are already JSON and are spliced in as they
 * are, never parsed again.
 */
final class Envelopes {

    private Envelopes() {
    }

    /** {@code {"event":"<event>","data":<json>}}. */
    static String envelope(SocketEvent event, String dataJson) {
        return "{\"event\":\"" + event.wireName() + "\",\"data\":" + dataJson + "}";
    }

    /** {@code diffyne.connected}: {@code {"clientId":"Xb3…"}}. */
    static String connected(String clientId) {
        return envelope(SocketEvent.CONNECTED, JSON.createObjectBuilder().add("clientId", clientId).build().toString());
    }

    /** {@code diffyne.error}: {@code {"error":"…","type":"bad_request","requestId":"r7"}}, requestId when known. */
    static String error(ErrorType type, String message, String requestId) {
        JsonObjectBuilder data = JSON.createObjectBuilder().add("error", message).add("type", type.wireName());
        if (requestId != null) {
            data.add("requestId", requestId);
        }
        return envelope(SocketEvent.ERROR, data.build().toString());
    }

    /** {@code diffyne.pong}: {@code {"t":1763769000123}}. */
    static String pong(long t) {
        return envelope(SocketEvent.PONG, "{\"t\":" + t + "}");
    }

    /** {@code diffyne.push}: {@code {"channel":"room:general","seq":42,"responses":[<response>,…]}}. */
    static String push(String channel, long seq, List<String> responses) {
        return envelope(SocketEvent.PUSH, "{\"channel\":" + JSON.createValue(channel) + ",\"seq\":" + seq
                + ",\"responses\":[" + String.join(",", responses) + "]}");
    }
}
