package io.diffyne.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.state.Snapshot;
import io.diffyne.state.SnapshotSigner;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LazyTicketsTest {

    private final SnapshotSigner signer = new SnapshotSigner("lazy-tickets-test-key-0123456789".getBytes(StandardCharsets.UTF_8));
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    private final LazyTickets tickets = new LazyTickets(signer, clock, Duration.ofHours(2));

    @Test
    void aTicketVerifiesAsATicketForItsPrincipalOnly() {
        String ticket = tickets.issue("stats", "q3Xv9Tz0bA1c", Map.of("range", "7d"), "ada");
        Snapshot verified = tickets.verify(ticket, "ada");
        assertEquals("stats", verified.component());
        assertEquals("7d", verified.state().getJsonObject("params").getString("range"));
        assertEquals(ErrorType.SECURITY_ERROR,
                assertThrows(ProtocolException.class, () -> tickets.verify(ticket, "bob")).type());
    }

    /** A ticket has a snapshot's shape: signed with the snapshot key, it would pass as a state with a 'params' field. */
    @Test
    void aTicketIsNoSnapshotAndASnapshotNoTicket() {
        String ticket = tickets.issue("stats", "q3Xv9Tz0bA1c", Map.of("range", "7d"), null);
        assertFalse(signer.verify(Snapshot.parse(ticket), null), "a ticket is refused as a snapshot");

        Snapshot lookalike = signer.sign(Snapshot.parse(ticket), null);
        assertEquals(ErrorType.SECURITY_ERROR, assertThrows(ProtocolException.class,
                () -> tickets.verify(lookalike.toJsonString(), null)).type(), "a snapshot is refused as a ticket");
    }
}
