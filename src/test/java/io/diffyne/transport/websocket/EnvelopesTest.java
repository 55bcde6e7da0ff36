package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.diffyne.protocol.ErrorType;

import org.junit.jupiter.api.Test;

/** Envelopes that echo client input stay encodable (found by the protocol fuzzer: Tyrus fails on a lone surrogate). */
class EnvelopesTest {

    @Test
    void anErrorEchoingALoneSurrogateEscapesIt() {
        String error = Envelopes.error(ErrorType.BAD_REQUEST, "unknown type 'a\uDE00\uD83D\uDE00'", "r\uD800");
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"unknown type 'a\\ude00\uD83D\uDE00'\","
                + "\"type\":\"bad_request\",\"requestId\":\"r\\ud800\"}}", error);
    }

    @Test
    void anErrorWithoutARequestId() {
        assertEquals("{\"event\":\"diffyne.error\",\"data\":{\"error\":\"Malformed \\\"JSON\\\"\",\"type\":"
                + "\"bad_request\"}}", Envelopes.error(ErrorType.BAD_REQUEST, "Malformed \"JSON\"", null));
    }
}
