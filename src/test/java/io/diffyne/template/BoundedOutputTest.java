package io.diffyne.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BoundedOutputTest {

    @Test
    void everyKindOfWriteIsKeptInOrder() throws IOException {
        BoundedOutput out = BoundedOutput.text(-1);
        out.write("ab");
        out.write("xcdx", 1, 2);
        out.write(new char[] {'e', 'f', 'g'}, 0, 2);
        out.write('g');
        out.append("hé").append("-ij-", 1, 3).append('k');
        out.write("日本😀");
        assertEquals("abcdefghéijk日本😀", out.toString());
    }

    @Test
    void exactlyTheLimitIsAllowedAndOneMoreIsRefused() throws IOException {
        BoundedOutput out = BoundedOutput.text(5);
        out.write("abc");
        out.write(new char[] {'d', 'e'}, 0, 2);
        assertEquals("abcde", out.toString());
        BoundedOutput.TooLarge e = assertThrows(BoundedOutput.TooLarge.class, () -> out.write('f'));
        assertEquals("renders more than 5 characters, the limit of one render's output", e.getMessage());
    }

    @Test
    void everyPathCountsTowardsTheLimit() {
        assertThrows(BoundedOutput.TooLarge.class, () -> BoundedOutput.text(3).write("abcd"));
        assertThrows(BoundedOutput.TooLarge.class, () -> BoundedOutput.text(3).write("xabcdx", 1, 4));
        assertThrows(BoundedOutput.TooLarge.class, () -> BoundedOutput.text(3).write(new char[4], 0, 4));
        assertThrows(BoundedOutput.TooLarge.class, () -> BoundedOutput.text(3).append("abcd"));
        assertThrows(BoundedOutput.TooLarge.class, () -> {
            BoundedOutput out = BoundedOutput.text(3);
            out.write("ab");
            out.write("cd");
        });
    }

    @Test
    void aWriterTargetReceivesTheSameOutputUnderTheSameLimit() throws IOException {
        StringWriter target = new StringWriter();
        BoundedOutput out = BoundedOutput.to(target, 6);
        out.write("ab");
        out.write("xcdx", 1, 2);
        out.write(new char[] {'e'}, 0, 1);
        out.write('f');
        out.flush();
        assertEquals("abcdef", target.toString());
        assertThrows(BoundedOutput.TooLarge.class, () -> out.write("g"));
        assertEquals("abcdef", target.toString());
    }
}
