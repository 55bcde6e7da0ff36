package io.diffyne.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.runtime.ChannelGrants.Check;
import io.diffyne.state.SnapshotSigner;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ChannelGrantsTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(30);
    private final SnapshotSigner signer = new SnapshotSigner("channel-grant-key-0123".getBytes(StandardCharsets.UTF_8));
    private final ChannelGrants grants = at(Duration.ZERO);

    private ChannelGrants at(Duration later) {
        return new ChannelGrants(signer, Clock.fixed(NOW.plus(later), ZoneOffset.UTC), TTL);
    }

    @Test
    void aGrantIsItsExpiryAndAMacPerChannelInNameOrder() {
        Map<String, String> issued = grants.issue(Set.of("room.b", "room.a"), null);
        assertEquals(List.of("room.a", "room.b"), List.copyOf(issued.keySet()));
        for (String grant : issued.values()) {
            assertTrue(grant.matches((NOW.toEpochMilli() + TTL.toMillis()) + "\\.[A-Za-z0-9_-]{22}"), grant);
        }
        assertEquals(Map.of(), grants.issue(Set.of(), "ann"));
        // known answer: signTagged("grant", "room.a\n<expiry>", "") as documented
        assertEquals((NOW.toEpochMilli() + TTL.toMillis()) + "." + signer.signTagged("grant",
                "room.a\n" + (NOW.toEpochMilli() + TTL.toMillis()), ""), issued.get("room.a"));
    }

    @Test
    void aGrantFitsItsChannelAndUserOnly() {
        String ann = grants.issue(Set.of("room.a"), "ann").get("room.a");
        String anonymous = grants.issue(Set.of("room.a"), null).get("room.a");
        assertEquals(Check.VALID, grants.check("room.a", ann, "ann"));
        assertEquals(Check.INVALID, grants.check("room.b", ann, "ann"), "another channel");
        assertEquals(Check.INVALID, grants.check("room.a", ann, "bob"), "another user");
        assertEquals(Check.INVALID, grants.check("room.a", ann, null), "an anonymous client");
        assertEquals(Check.VALID, grants.check("room.a", anonymous, null));
        assertEquals(Check.VALID, grants.check("room.a", anonymous, ""), "no principal is the empty principal");
        assertEquals(Check.INVALID, grants.check("room.a", anonymous, "ann"), "a user does not take an anonymous grant");
        assertEquals(Check.INVALID, new ChannelGrants(new SnapshotSigner("another-key-0123456789".getBytes(
                StandardCharsets.UTF_8)), Clock.fixed(NOW, ZoneOffset.UTC), TTL).check("room.a", ann, "ann"),
                "another key");
    }

    @Test
    void aGrantExpiresAndItsExpiryCannotBeMoved() {
        String grant = grants.issue(Set.of("room.a"), "ann").get("room.a");
        assertEquals(Check.VALID, at(TTL).check("room.a", grant, "ann"));
        assertEquals(Check.EXPIRED, at(TTL.plusMillis(1)).check("room.a", grant, "ann"));
        String mac = grant.substring(grant.indexOf('.'));
        assertEquals(Check.INVALID, at(TTL.plusMillis(1)).check("room.a",
                (NOW.toEpochMilli() + TTL.toMillis() + 3_600_000) + mac, "ann"), "an extended expiry");
        assertEquals(Check.INVALID, at(TTL.plusMillis(1)).check("room.b", grant, "ann"),
                "an expired grant of another channel is no grant: a forger is not told it expired");
    }

    @Test
    void malformedGrantsAreInvalid() {
        String grant = grants.issue(Set.of("room.a"), null).get("room.a");
        String mac = grant.substring(grant.indexOf('.') + 1);
        for (String bad : new String[] {null, "", ".", grant + "A", grant.substring(1), "x" + grant,
                "9999999999999999999." + mac, "-1." + mac, grant.replace('.', '~'), " " + grant,
                grant.substring(0, grant.length() - 1) + (grant.endsWith("A") ? "B" : "A")}) {
            assertEquals(Check.INVALID, grants.check("room.a", bad, null), String.valueOf(bad));
        }
    }
}
