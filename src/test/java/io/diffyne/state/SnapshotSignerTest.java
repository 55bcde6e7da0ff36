package io.diffyne.state;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotSignerTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final SnapshotSigner signer = new SnapshotSigner(KEY);

    private static Snapshot counter(int count) {
        return new Snapshot("counter", "q3Xv9Tz0bA1c", 3, Json.createObjectBuilder().add("count", count).build(), null);
    }

    @Test
    void knownAnswer() {
        // computed independently: printf '<message>' | openssl dgst -sha256 -mac HMAC -macopt key:<key> -binary
        //   | head -c 16 | base64 | tr '+/' '-_' | tr -d '='
        assertEquals("JrAGJrBtWzsofsozp3KGgg", signer.sign(counter(2), null).sig());
        assertEquals("JrAGJrBtWzsofsozp3KGgg", signer.sign(counter(2), "").sig());
        assertEquals("PInbXSWUyCZIdlPAkbSpaw", signer.sign(counter(2), "ada@example.com").sig());
    }

    @Test
    void aStateSignedFromItsCanonicalTextHasTheSameSignature() {
        Snapshot counter = counter(2);
        String canonical = SnapshotSigner.canonical(counter.state());
        assertEquals(signer.sign(counter, null).sig(), signer.signCanonical(counter.component(), counter.id(),
                counter.version(), canonical, null));
        assertEquals("PInbXSWUyCZIdlPAkbSpaw", signer.signCanonical(counter.component(), counter.id(),
                counter.version(), canonical, "ada@example.com"));
        // the state fed to the MAC as bytes, apart from the rest of the message: the same signature, non-ASCII too
        Snapshot text = new Snapshot("notes", "q3Xv9Tz0bA1c", 7,
                Json.createObjectBuilder().add("text", "Grüße, 東京 \uD83D\uDE00").build(), null);
        byte[] utf8 = SnapshotSigner.canonical(text.state()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(signer.sign(text, "zoë").sig(), signer.signCanonical("notes", "q3Xv9Tz0bA1c", 7, utf8, "zoë"));
        assertEquals(signer.sign(text, null).sig(), signer.signCanonical("notes", "q3Xv9Tz0bA1c", 7, utf8, null));
    }

    @Test
    void signedMessageIsCanonicalJsonThenNewlineThenPrincipal() {
        JsonObject state = Json.createObjectBuilder().add("b", 1.0).add("a", "x").build();
        assertArrayEquals(("{\"component\":\"counter\",\"id\":\"q3Xv9Tz0bA1c\",\"state\":{\"a\":\"x\",\"b\":1},"
                        + "\"version\":3}\nada").getBytes(StandardCharsets.UTF_8),
                SnapshotSigner.message("counter", "q3Xv9Tz0bA1c", 3, state, "ada"));
    }

    @Test
    void roundTripThroughText() {
        Snapshot signed = signer.sign(counter(2), "ada");
        Snapshot received = Snapshot.parse(signed.toJsonString());
        assertTrue(signer.verify(received, "ada"));
        assertSame(received, signer.requireValid(received, "ada"));
    }

    @Test
    void tamperingAnyPartFails() {
        String sig = signer.sign(counter(2), "ada").sig();
        Snapshot good = counter(2).withSig(sig);
        assertTrue(signer.verify(good, "ada"));
        JsonObject state = good.state();
        List<Snapshot> forged = List.of(
                new Snapshot("counter2", good.id(), good.version(), state, sig),
                new Snapshot(good.component(), "q3Xv9Tz0bA1d", good.version(), state, sig),
                new Snapshot(good.component(), good.id(), 4, state, sig),
                new Snapshot(good.component(), good.id(), good.version(), counter(3).state(), sig),
                new Snapshot(good.component(), good.id(), good.version(),
                        Json.createObjectBuilder(state).add("admin", true).build(), sig),
                good.withSig(sig.substring(0, 20) + (sig.charAt(20) == 'A' ? 'B' : 'A') + sig.charAt(21)),
                // same 16 bytes, another base64 spelling of the unused low bits: still refused
                good.withSig(sig.substring(0, 21) + (char) (sig.charAt(21) + 1)),
                good.withSig(null));
        for (Snapshot s : forged) {
            assertFalse(signer.verify(s, "ada"), s::toJsonString);
        }
        assertFalse(signer.verify(good, "bob"));
        assertFalse(signer.verify(good, ""));
        assertFalse(new SnapshotSigner("another key, 16+ bytes".getBytes(StandardCharsets.UTF_8)).verify(good, "ada"));
        InvalidSignatureException e = assertThrows(InvalidSignatureException.class,
                () -> signer.requireValid(good, "bob"));
        assertEquals("Invalid snapshot signature", e.clientMessage());
    }

    @Test
    void clientKeyOrderAndNumberSpellingDoNotMatter() {
        JsonObject state = Json.createObjectBuilder().add("count", 1).add("price", new java.math.BigDecimal("2.5"))
                .add("tags", Json.createArrayBuilder().add("a").add(10)).build();
        Snapshot signed = signer.sign(new Snapshot("cart", "abc", 9, state, null), "");
        String respelled = "{\"sig\":\"" + signed.sig() + "\",\"version\":9.0,\"state\":{\"tags\":[\"a\",1e1],"
                + "\"price\":2.50,\"count\":1.0},\"id\":\"abc\",\"component\":\"cart\"}";
        assertTrue(signer.verify(Snapshot.parse(respelled), ""));
    }

    @Test
    void undecodableSignatureIsJustInvalid() {
        assertFalse(signer.verify(counter(2).withSig("!!!!"), ""));
        assertFalse(signer.verify(counter(2).withSig("AAAA"), ""));
    }

    @Test
    void shortKeysAreRefused() {
        StateException e = assertThrows(StateException.class, () -> new SnapshotSigner(new byte[15]));
        assertEquals("Signing key must have at least 16 bytes: set DIFFYNE_SIGNING_KEY to a longer secret",
                e.getMessage());
    }

    @Test
    void keyIsCopied() {
        byte[] key = KEY.clone();
        SnapshotSigner s = new SnapshotSigner(key);
        key[0] = 'X';
        assertEquals("JrAGJrBtWzsofsozp3KGgg", s.sign(counter(2), "").sig());
    }

    @Test
    void threadSafe() {
        List<String> expected = IntStream.range(0, 2000).mapToObj(i -> signer.sign(counter(i), "u" + i).sig())
                .collect(Collectors.toList());
        List<String> parallel = IntStream.range(0, 2000).parallel()
                .mapToObj(i -> signer.sign(counter(i), "u" + i).sig()).collect(Collectors.toList());
        assertEquals(expected, parallel);
        assertEquals(2000, expected.stream().distinct().count());
    }
}
