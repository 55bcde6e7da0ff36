package io.diffyne.component;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResetTest {

    static class Form extends Component {
        public String name = "";
        public String email = "guest@example.org";
        public List<String> tags = new ArrayList<>(List.of("new"));
        @State int attempts = 1;
        public transient String scratch = "scratch";
        private String notState = "keep";

        void resetAll() {
            reset();
        }

        void resetSome(String... fields) {
            reset(fields);
        }
    }

    private static Form dirty() {
        Form f = new Form();
        f.name = "Ada";
        f.email = "ada@example.org";
        f.tags.add("vip");
        f.attempts = 5;
        f.scratch = "changed";
        f.notState = "changed";
        return f;
    }

    @Test
    void resetWithoutNamesRestoresEveryStateField() {
        Form f = dirty();
        TestContexts.attach(f, false, Form::new);
        List<String> oldTags = f.tags;
        f.resetAll();
        assertEquals("", f.name);
        assertEquals("guest@example.org", f.email);
        assertEquals(List.of("new"), f.tags);
        assertNotSame(oldTags, f.tags);
        assertEquals(1, f.attempts);
        assertEquals("changed", f.scratch);
        assertEquals("changed", f.notState);
    }

    @Test
    void resetWithNamesRestoresOnlyThose() {
        Form f = dirty();
        TestContexts.attach(f, false, Form::new);
        f.resetSome("name", "attempts");
        assertEquals("", f.name);
        assertEquals(1, f.attempts);
        assertEquals("ada@example.org", f.email);
        assertEquals(List.of("new", "vip"), f.tags);
    }

    @Test
    void resetOfAnUnknownFieldNamesTheStateFields() {
        Form f = dirty();
        TestContexts.attach(f, false, Form::new);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.resetSome("notState"));
        assertEquals("reset(\"notState\"): Form has no state field 'notState'; state fields are [name, email, tags,"
                + " attempts]", e.getMessage());
        assertEquals("Ada", f.name);
    }

    @Test
    void resetWithoutDefaultsSaysWhatTheRuntimeMustPass() {
        Form f = dirty();
        TestContexts.attach(f, false, null);
        IllegalStateException e = assertThrows(IllegalStateException.class, f::resetAll);
        assertEquals("No defaults supplier in the context of component 'test': the runtime must pass"
                + " ComponentType::newPlainInstance to StandardComponentContext.defaults", e.getMessage());
    }
}
