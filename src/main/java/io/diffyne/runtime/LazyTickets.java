package io.diffyne.runtime;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.state.Snapshot;
import io.diffyne.state.SnapshotSigner;
import io.diffyne.state.StateException;
import io.diffyne.state.StateSerializer;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The signed ticket a lazy placeholder carries ({@code diff:lazy}): which component to mount, with which page
 * parameters, under which id, until when. It has a snapshot's shape, with the expiry (epoch ms) as its version and
 * the parameters as its state, so the client cannot change what gets mounted; it is signed with a key of its own
 * ({@link SnapshotSigner#forPurpose}), so a ticket is never accepted as a snapshot of the component (whose writable
 * {@code params} field it would otherwise set) nor a snapshot as a ticket.
 * JSON: {@code {"component":"stats","id":"q3Xv9Tz0bA1c","version":1763762400000,"state":{"params":{"range":"7d"}},"sig":"…"}}
 */
final class LazyTickets {

    private final SnapshotSigner signer;
    private final Clock clock;
    private final Duration lifetime;

    LazyTickets(SnapshotSigner signer, Clock clock, Duration lifetime) {
        this.signer = signer.forPurpose("lazy tickets");
        this.clock = clock;
        this.lifetime = lifetime;
    }

    String issue(String component, String id, Map<String, Object> params, String principal) {
        JsonObject state = JSON.createObjectBuilder().add("params", StateSerializer.toJson(params)).build();
        long expires = clock.millis() + lifetime.toMillis();
        return signer.sign(new Snapshot(component, id, expires, state, null), principal).toJsonString();
    }

    /** The verified ticket; expired, forged or malformed tickets are refused. */
    Snapshot verify(String ticket, String principal) {
        Snapshot snapshot;
        try {
            snapshot = Snapshot.parse(ticket);
        } catch (StateException e) {
            throw new ProtocolException(ErrorType.BAD_REQUEST, "Malformed lazy ticket: " + e.clientMessage());
        }
        if (!signer.verify(snapshot, principal)) {
            throw new ProtocolException(ErrorType.SECURITY_ERROR, "Invalid lazy ticket signature");
        }
        if (snapshot.version() < clock.millis()) {
            throw new ProtocolException(ErrorType.SECURITY_ERROR, "The lazy ticket has expired: reload the page");
        }
        JsonValue params = snapshot.state().get("params");
        if (!(params instanceof JsonObject)) {
            throw new ProtocolException(ErrorType.BAD_REQUEST, "Malformed lazy ticket");
        }
        return snapshot;
    }
}
