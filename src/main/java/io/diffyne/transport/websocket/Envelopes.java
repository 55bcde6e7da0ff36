package io.diffyne.transport.websocket;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.broadcast.Replay;
import io.diffyne.broadcast.SequencedBroadcast;
import io.diffyne.protocol.ErrorType;
import io.diffyne.state.CanonicalJson;
import jakarta.json.JsonObject;
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

    /**
     * {@code diffyne.error}: {@code {"error":"…","type":"bad_request","requestId":"r7"}}, requestId when known. The
     * message and requestId may echo client input, lone surrogates included: written by the one string writer, which
     * escapes them (raw, Tyrus fails to encode the frame and the answer is lost).
     */
    static String error(ErrorType type, String message, String requestId) {
        StringBuilder data = new StringBuilder("{\"error\":");
        CanonicalJson.writeString(message, data);
        data.append(",\"type\":\"").append(type.wireName()).append('"');
        if (requestId != null) {
            data.append(",\"requestId\":");
            CanonicalJson.writeString(requestId, data);
        }
        return envelope(SocketEvent.ERROR, data.append('}').toString());
    }

    /** {@code diffyne.pong}: {@code {"t":1763769000123}}. */
    static String pong(long t) {
        return envelope(SocketEvent.PONG, "{\"t\":" + t + "}");
    }

    /**
     * {@code diffyne.push}: {@code {"channel":"room:general","ep":"q3Xv9a_Z","seq":42,"responses":[<response>,…]}},
     * {@code ep} the epoch of the channel log that numbered it.
     */
    static String push(SequencedBroadcast broadcast, List<String> responses) {
        // written once into one buffer of the right size: a broadcast writes one push per receiving connection
        int size = 96 + broadcast.channel().length() + broadcast.epoch().length();
        for (String response : responses) {
            size += response.length() + 1;
        }
        StringBuilder out = new StringBuilder(size).append("{\"event\":\"").append(SocketEvent.PUSH.wireName())
                .append("\",\"data\":{\"channel\":");
        CanonicalJson.writeString(broadcast.channel(), out);
        out.append(",\"ep\":");
        CanonicalJson.writeString(broadcast.epoch(), out);
        out.append(",\"seq\":").append(broadcast.seq()).append(",\"responses\":[");
        for (int i = 0; i < responses.size(); i++) {
            out.append(i == 0 ? "" : ",").append(responses.get(i));
        }
        return out.append("]}}").toString();
    }

    /**
     * One channel of {@code diffyne.resumed}: {@code {"ep":"q3Xv9a_Z","seq":42,"complete":true}}; without {@code ep}
     * when the channel has no log (the client then forgets its epoch and takes the next push as new).
     * {@code complete} is the replay's, unless the client's allowance cut it short.
     */
    static JsonObject resumed(Replay replay, boolean complete) {
        JsonObjectBuilder channel = JSON.createObjectBuilder();
        if (replay.epoch() != null) {
            channel.add("ep", replay.epoch());
        }
        return channel.add("seq", replay.latest()).add("complete", complete).build();
    }
}
