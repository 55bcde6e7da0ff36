package io.diffyne.runtime;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.state.CanonicalJson;
import io.diffyne.state.Sealer;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The pass of a broadcast on the event stream, which carries the broadcast's data sealed: the browser relays it to its
 * listening components as an {@code event} request and the server runs their {@code @On} listeners with the data it
 * opens, while the browser never sees the data.
 *
 * <p>A pass is {@code b1.} + {@link Sealer sealed} canonical JSON {@code {"c":channel,"d":data,"e":expiry,"n":name}}
 * (purpose {@code broadcast}, bound to the principal of the stream it was sent on, {@code ""} when anonymous), e.g.
 * {@code "b1.Xq0…"}. It opens only for that principal, for an event of that name, for a component whose verified
 * state puts it on that channel, until the expiry ({@link EventPasses#LIFETIME} after it was sent). Sealed rather
 * than kept: a reference into the channel log would be lost when the bounded log evicts it, and would need a log
 * shared by every instance; a sealed pass is checked by any instance with the key and costs nothing to keep.
 */
public final class BroadcastPasses {

    static final String PREFIX = "b1.";
    private static final String PURPOSE = "broadcast";

    private final Sealer sealer;
    private final Clock clock;
    private final Duration lifetime;

    public BroadcastPasses(byte[] signingKey, Clock clock) {
        this(new Sealer(signingKey), clock, EventPasses.LIFETIME);
    }

    BroadcastPasses(Sealer sealer, Clock clock, Duration lifetime) {
        this.sealer = sealer;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The pass of broadcast {@code name} on {@code channel}, for a stream of {@code principal} (null: anonymous). */
    public String seal(String channel, String name, JsonValue data, String principal) {
        String content = CanonicalJson.write(JSON.createObjectBuilder()
                .add("c", channel)
                .add("d", data == null ? JsonValue.NULL : data)
                .add("e", clock.millis() + lifetime.toMillis())
                .add("n", name)
                .build());
        return PREFIX + sealer.seal(PURPOSE, content.getBytes(StandardCharsets.UTF_8), principal);
    }

    /** Whether {@code pass} has this pass's form (it may still not open). */
    static boolean isSealed(String pass) {
        return pass != null && pass.startsWith(PREFIX);
    }

    /**
     * The broadcast's data when {@code pass} was sealed for {@code principal}, event {@code event} and one of
     * {@code channels}, and has not expired; null otherwise (forged, altered, another user's, another event's or
     * channel's, expired, or no sealed pass at all).
     */
    JsonValue open(String pass, String event, Set<String> channels, String principal) {
        if (!isSealed(pass)) {
            return null;
        }
        byte[] plain = sealer.open(PURPOSE, pass.substring(PREFIX.length()), principal);
        if (plain == null) {
            return null;
        }
        JsonObject content;
        try (JsonReader reader = JSON.createReader(new StringReader(new String(plain, StandardCharsets.UTF_8)))) {
            content = reader.readObject(); // authentic: written by seal() above
        }
        boolean fits = content.get("n") instanceof JsonString n && n.getString().equals(event)
                && content.get("c") instanceof JsonString c && channels.contains(c.getString())
                && content.get("e") instanceof JsonNumber e && e.longValue() >= clock.millis();
        return fits ? content.get("d") : null;
    }
}
