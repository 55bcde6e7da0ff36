package io.diffyne.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.state.SnapshotSigner;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class EventPassesTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private final SnapshotSigner signer = new SnapshotSigner("event-pass-key-0123".getBytes(StandardCharsets.UTF_8));
    private final EventPasses issued = new EventPasses(signer, Clock.fixed(NOW, ZoneOffset.UTC));
    private final JsonValue data = Json.createObjectBuilder().add("id", 2).build();

    private EventPasses at(Duration later) {
        return new EventPasses(signer, Clock.fixed(NOW.plus(later), ZoneOffset.UTC));
    }

    @Test
    void aPassIsItsExpiryAndAMac() {
        String pass = issued.forDispatch("saved", data, null, false, "src", null);
        assertEquals((NOW.toEpochMilli() + 600_000) + ".", pass.substring(0, pass.indexOf('.') + 1));
        assertEquals(22, pass.length() - pass.indexOf('.') - 1);
    }

    @Test
    void aDispatchPassFitsItsTargetOnly() {
        String page = issued.forDispatch("saved", data, null, false, "src", "ann");
        String to = issued.forDispatch("saved", data, "post-list", false, "src", "ann");
        String self = issued.forDispatch("saved", data, null, true, "src", "ann");
        assertTrue(issued.admits(page, "saved", data, "any", "x", "ann"));
        assertTrue(issued.admits(to, "saved", data, "post-list", "x", "ann"));
        assertFalse(issued.admits(to, "saved", data, "counter", "x", "ann"));
        assertTrue(issued.admits(self, "saved", data, "any", "src", "ann"));
        assertFalse(issued.admits(self, "saved", data, "any", "other", "ann"));
        assertFalse(issued.admits(page, "saved", data, "any", "x", "bob"), "another user");
        assertFalse(issued.admits(page, "saved", data, "any", "x", null), "anonymous");
        assertFalse(issued.admits(page, "deleted", data, "any", "x", "ann"), "another event");
        assertFalse(issued.admits(page, "saved", Json.createValue(2), "any", "x", "ann"), "other data");
    }

    @Test
    void theDataIsComparedCanonically() {
        String pass = issued.forDispatch("saved", Json.createObjectBuilder().add("a", 1).add("b", 2.5).build(),
                null, false, "src", null);
        JsonValue relayed = Json.createReader(new java.io.StringReader("{\"b\":2.50,\"a\":1.0}")).readValue();
        assertTrue(issued.admits(pass, "saved", relayed, "any", "x", null));
    }

    @Test
    void expiredMalformedOrMissingPassesProveNothing() {
        String pass = issued.forDispatch("saved", data, null, false, "src", null);
        assertTrue(at(Duration.ofMinutes(10)).admits(pass, "saved", data, "any", "x", null));
        assertFalse(at(Duration.ofMinutes(10).plusMillis(1)).admits(pass, "saved", data, "any", "x", null));
        String later = (NOW.toEpochMilli() + 3_600_000) + pass.substring(pass.indexOf('.'));
        assertFalse(issued.admits(later, "saved", data, "any", "x", null), "an extended expiry");
        for (String bad : new String[] {null, "", ".", "abc.def", pass.substring(pass.indexOf('.')),
                "99999999999999999999.x", pass + "A"}) {
            assertFalse(issued.admits(bad, "saved", data, "any", "x", null), String.valueOf(bad));
        }
    }

    @Test
    void aPassIsNoSnapshotSignature() {
        // the same signer signs snapshots: a tagged message cannot be passed off as one
        String content = "{\"component\":\"c\",\"id\":\"i\",\"state\":{},\"version\":1}";
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> signer.signTagged("{", content, null));
    }
}
