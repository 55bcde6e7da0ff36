package io.diffyne.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.state.Sealer;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BroadcastPassesTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private final Sealer sealer = new Sealer("broadcast-pass-key-0123".getBytes(StandardCharsets.UTF_8));
    private final BroadcastPasses passes = at(Duration.ZERO);
    private final JsonValue data = Json.createObjectBuilder().add("room", "secret-room").add("id", 7).build();

    private BroadcastPasses at(Duration later) {
        return new BroadcastPasses(sealer, Clock.fixed(NOW.plus(later), ZoneOffset.UTC), LIFETIME);
    }

    @Test
    void aPassCarriesTheDataSealedAndOpensForItsEventChannelAndUser() {
        String pass = passes.seal("room.a", "said", data, "ann");
        assertTrue(pass.startsWith("b1."), pass);
        assertFalse(pass.contains("secret") || new String(Base64.getUrlDecoder().decode(pass.substring(3)),
                StandardCharsets.ISO_8859_1).contains("secret-room"), "the data is not readable");
        assertEquals(data, passes.open(pass, "said", Set.of("room.b", "room.a"), "ann"));
        assertNull(passes.open(pass, "said", Set.of("room.b"), "ann"), "a component on another channel");
        assertNull(passes.open(pass, "shouted", Set.of("room.a"), "ann"), "another event");
        assertNull(passes.open(pass, "said", Set.of("room.a"), "bob"), "another user: a stolen pass");
        assertNull(passes.open(pass, "said", Set.of("room.a"), null), "an anonymous client");
    }

    @Test
    void anAnonymousStreamsPassIsForAnonymousClientsOnly() {
        String pass = passes.seal("room.a", "said", JsonValue.NULL, null);
        assertEquals(JsonValue.NULL, passes.open(pass, "said", Set.of("room.a"), null));
        assertEquals(JsonValue.NULL, passes.open(passes.seal("room.a", "said", null, null), "said", Set.of("room.a"), ""));
        assertNull(passes.open(pass, "said", Set.of("room.a"), "ann"));
    }

    @Test
    void aPassExpires() {
        String pass = passes.seal("room.a", "said", data, "ann");
        assertEquals(data, at(LIFETIME).open(pass, "said", Set.of("room.a"), "ann"));
        assertNull(at(LIFETIME.plusMillis(1)).open(pass, "said", Set.of("room.a"), "ann"));
    }

    @Test
    void tamperedForeignOrOtherPassesOpenNothing() {
        String pass = passes.seal("room.a", "said", data, "ann");
        char last = pass.charAt(pass.length() - 5);
        String tampered = pass.substring(0, pass.length() - 5) + (last == 'A' ? 'B' : 'A') + pass.substring(pass.length() - 4);
        String foreign = new BroadcastPasses(new Sealer("another-key-0123456789".getBytes(StandardCharsets.UTF_8)),
                Clock.fixed(NOW, ZoneOffset.UTC), LIFETIME).seal("room.a", "said", data, "ann");
        String dispatchPass = (NOW.toEpochMilli() + 60_000) + ".q3Xv9Tz0bA1cM2f8k1LwZg";
        for (String bad : new String[] {tampered, foreign, dispatchPass, null, "", "b1.", "b1.!!", "b2" + pass.substring(2),
                pass.substring(3)}) {
            assertNull(passes.open(bad, "said", Set.of("room.a"), "ann"), String.valueOf(bad));
        }
    }
}
