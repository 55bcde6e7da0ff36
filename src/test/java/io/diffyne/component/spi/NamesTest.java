package io.diffyne.component.spi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamesTest {

    @Test
    void componentNames() {
        for (String ok : new String[] {"counter", "user-form", "admin/users.list", "a1", "x/y/z"}) {
            assertTrue(Names.isComponentName(ok), ok);
        }
        for (String bad : new String[] {"", "Counter", "a b", "../x", "a/../b", "/a", "a/", "a--b", "a_b",
                "a".repeat(101), null}) {
            assertFalse(Names.isComponentName(bad), String.valueOf(bad));
        }
    }

    @Test
    void templateNamesAllowCaseAndUnderscoreButNoTraversal() {
        assertTrue(Names.isTemplateName("forms/User_Form"));
        assertFalse(Names.isTemplateName("forms/../secret"));
        assertFalse(Names.isTemplateName("forms\\x"));
        assertFalse(Names.isTemplateName("/etc/passwd"));
    }

    @Test
    void eventNames() {
        assertTrue(Names.isEventName("message-sent"));
        assertTrue(Names.isEventName("pageChanging"));
        assertTrue(Names.isEventName("cart:updated"));
        assertFalse(Names.isEventName("-x"));
        assertFalse(Names.isEventName("a b"));
        assertFalse(Names.isEventName("<script>"));
    }

    @Test
    void quoteBoundsAndCleansUntrustedText() {
        assertEquals("'a?b'", Names.quote("a\nb"));
        assertEquals("'" + "x".repeat(64) + "…'", Names.quote("x".repeat(200)));
        assertEquals("null", Names.quote(null));
    }
}
