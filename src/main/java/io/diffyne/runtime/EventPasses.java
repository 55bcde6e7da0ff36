package io.diffyne.runtime;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.state.CanonicalJson;
import io.diffyne.state.SnapshotSigner;

import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Proof that an event comes from the server. The browser relays what a component dispatches (a response's
 * {@code events}) to the page's listening components as {@code event} requests; each such event carries a pass, and a
 * listener not marked {@code @On(fromClient = true)} runs only for a request whose pass matches its name, data and
 * target. (Broadcasts relayed from the event stream carry a {@link BroadcastPasses sealed pass} instead.)
 *
 * <p>A pass is {@code <expiry, epoch ms>.<HMAC>}, e.g. {@code "1763762400000.q3Xv9Tz0bA1cM2f8k1LwZg"}, signed (purpose
 * {@code event}) over the canonical JSON {@code {"d":data,"e":expiry,"n":name,"t":target}} and the principal.
 * The target is {@code page} (every listening component), {@code to:<component name>} or {@code self:<component id>}.
 * Within its lifetime a pass can be relayed again by the client it was issued to, so a listener that must act once per
 * dispatch keeps its own guard in state.
 */
public final class EventPasses {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String PURPOSE = "event";

    private final SnapshotSigner signer;
    private final Clock clock;

    /** Passes signed with {@code signer}'s key (the runtime's; the test kit's, to relay an event as the page would). */
    public EventPasses(SnapshotSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /** The pass of an event dispatched by component {@code sourceId}: to the page, to components named {@code to}, or to itself. */
    public String forDispatch(String name, JsonValue data, String to, boolean self, String sourceId, String principal) {
        String target = self ? "self:" + sourceId : to != null ? "to:" + to : "page";
        return issue(name, data, target, principal);
    }

    /**
     * Whether {@code pass} proves this event was issued, unexpired, for the receiving component ({@code name},
     * {@code id}) and {@code principal}. A null or malformed pass proves nothing.
     */
    boolean admits(String pass, String event, JsonValue data, String name, String id, String principal) {
        int dot = pass == null ? -1 : pass.indexOf('.');
        if (dot < 1 || dot > 19) {
            return false;
        }
        long expires;
        try {
            expires = Long.parseLong(pass.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (expires < clock.millis()) {
            return false;
        }
        byte[] given = pass.substring(dot + 1).getBytes(StandardCharsets.UTF_8);
        for (String target : List.of("page", "to:" + name, "self:" + id)) {
            if (matches(given, event, data, target, expires, principal)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(byte[] given, String event, JsonValue data, String target, long expires,
                            String principal) {
        byte[] expected = signer.signTagged(PURPOSE, content(event, data, target, expires), principal)
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private String issue(String name, JsonValue data, String target, String principal) {
        long expires = clock.millis() + LIFETIME.toMillis();
        return expires + "." + signer.signTagged(PURPOSE, content(name, data, target, expires), principal);
    }

    private static String content(String name, JsonValue data, String target, long expires) {
        return CanonicalJson.write(JSON.createObjectBuilder()
                .add("d", data == null ? JsonValue.NULL : data)
                .add("e", expires)
                .add("n", name)
                .add("t", target)
                .build());
    }
}
