package io.diffyne.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.testing.fixtures.AuditInterceptor;
import io.diffyne.testing.fixtures.Greeter;
import io.diffyne.testing.fixtures.Greetings;
import io.diffyne.testing.fixtures.Guestbook;
import io.diffyne.testing.fixtures.Tally;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

/** The same components inside Weld SE: CDI injects, with real beans and the test's instances side by side. */
class WeldTest {

    /** A real bean, application-scoped: every request's greeter gets the same one through its client proxy. */
    @ApplicationScoped
    public static class PoliteGreetings implements Greetings {
        @Override
        public String greet(String who) {
            return "Good day, " + who + ".";
        }
    }

    @Test
    void componentsAreMadeByCdiWithBeansAndProvidedInstances() {
        Guestbook guestbook = new Guestbook();
        try (TestKit kit = DiffyneTest.weld().beans(PoliteGreetings.class).provide(Guestbook.class, guestbook)
                .components(Greeter.class, Tally.class)) {
            TestedComponent<Greeter> greeter = kit.mount(Greeter.class);
            TestedComponent<Tally> tally = kit.mount(Tally.class);
            greeter.set("name", "Margaret").call("greet").assertText(".greeting", "Good day, Margaret.");
            tally.assertText("li", "Margaret");
            assertEquals(java.util.List.of("Margaret"), guestbook.signed());
        }
    }

    @Test
    void interceptorsRunOnComponentMethods() {
        AuditInterceptor.CALLS.clear();
        try (TestKit kit = DiffyneTest.weld().beans(PoliteGreetings.class, AuditInterceptor.class)
                .provide(Guestbook.class, new Guestbook()).components(Greeter.class, Tally.class)) {
            TestedComponent<Greeter> greeter = kit.mount(Greeter.class);
            kit.mount(Tally.class).call("renameGreeter", "Frances").assertOk();
            greeter.assertSet("name", "Frances");
            assertEquals(java.util.List.of("Tally.renameGreeter"), AuditInterceptor.CALLS);
        }
    }

    @Test
    void anUnsatisfiedInjectionFailsTheStartWithCdisMessage() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> DiffyneTest.weld().provide(Guestbook.class, new Guestbook()).mount(Greeter.class));
        assertTrue(e.getMessage().contains("Unsatisfied dependencies for type Greetings"), e.getMessage());
    }

    @Test
    void aComponentNotDeployedAtStartIsNamed() {
        try (TestKit kit = DiffyneTest.weld().beans(PoliteGreetings.class).provide(Guestbook.class, new Guestbook())) {
            kit.mount(Greeter.class);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> kit.mount(Tally.class));
            assertTrue(e.getMessage().contains("declare it with components(...)"), e.getMessage());
        }
    }
}
