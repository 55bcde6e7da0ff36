package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextAssemblerTest {

    @Test
    void aMessageInOneFrameIsPassedOnAsItCame() {
        String frame = "{\"event\":\"diffyne.ping\"}";
        assertSame(frame, new TextAssembler(10).add(frame, true), "its size is checked like any message's");
    }

    @Test
    void fragmentsAreJoinedUpToTheLimitInUtf8Bytes() {
        TextAssembler assembler = new TextAssembler(8);
        assertNull(assembler.add("ab", false));
        assertNull(assembler.add("é", false)); // 2 bytes
        assertEquals("abécdef", assembler.add("cdef", true)); // 8 bytes: at the limit
        assertFalse(assembler.overflowed());
        assertNull(assembler.add("x", false));
        assertEquals("xy", assembler.add("y", true), "the next message starts afresh");
    }

    @Test
    void aMessageOverTheLimitIsDroppedNotKept() {
        TextAssembler assembler = new TextAssembler(8);
        assertNull(assembler.add("abcd", false));
        assertNull(assembler.add("éééé", false)); // 12 bytes in all
        assertTrue(assembler.overflowed());
        assertNull(assembler.add("more", false));
        assertNull(assembler.add("end", true));
        assertTrue(assembler.overflowed(), "the connection is closed for it");
    }
}
