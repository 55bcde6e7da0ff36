package io.diffyne.cluster;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.broadcast.SequencedBroadcast;
import io.diffyne.runtime.BroadcastMessage;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.StringReader;

/**
 * A numbered broadcast as the grid carries it: a JSON string, so no class of this application has to be
 * deserialized inside the server's own grid (Payara's members load only their own classes).
 * {@code {"c":"room:general","e":"q3Xv9a_Z","s":42,"n":"message-sent","d":{...},"o":"client-1"}}
 */
final class BroadcastCodec {

    private BroadcastCodec() {
    }

    static String encode(SequencedBroadcast sequenced) {
        BroadcastMessage message = sequenced.message();
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("c", message.channel())
                .add("e", sequenced.epoch())
                .add("s", sequenced.seq())
                .add("n", message.name())
                .add("d", message.data() == null ? JsonValue.NULL : message.data());
        if (message.origin() != null) {
            json.add("o", message.origin());
        }
        return json.build().toString();
    }

    static SequencedBroadcast decode(String text) {
        JsonObject json;
        try (var reader = JSON.createReader(new StringReader(text))) {
            json = reader.readObject();
        }
        JsonValue data = json.get("d");
        String origin = json.containsKey("o") ? json.getString("o") : null;
        BroadcastMessage message = new BroadcastMessage(json.getString("c"), json.getString("n"),
                data == null ? JsonValue.NULL : data, origin);
        return new SequencedBroadcast(json.getString("e"), json.getJsonNumber("s").longValue(), message);
    }
}
