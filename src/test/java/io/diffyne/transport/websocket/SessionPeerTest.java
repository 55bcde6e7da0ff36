package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Outgoing text is well-formed UTF-16 (found by the protocol fuzzer: Tyrus throws on a lone surrogate). */
class SessionPeerTest {

    @Test
    void loneSurrogatesBecomeReplacementCharactersAndPairsStay() {
        assertEquals("a\uFFFDb\uFFFD\uD83D\uDE00\uFFFD", SessionPeer.wellFormed("a\uDE00b\uD800\uD83D\uDE00\uD83D"));
        String clean = "{\"event\":\"diffyne.pong\"}";
        assertSame(clean, SessionPeer.wellFormed(clean));
    }
}
