package io.diffyne.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.testing.fixtures.Greeter;
import io.diffyne.testing.fixtures.Greetings;
import io.diffyne.testing.fixtures.Guestbook;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code @Inject} fields receive what the test provided, on every request's fresh instance, with no container. */
class InjectionTest {

    @Test
    void fieldsAndProvidersReceiveTheProvidedInstancesMatchedByType() {
        FakeGreetings greetings = new FakeGreetings();
        Guestbook guestbook = new Guestbook();
        DiffyneTest.kit().provide(Greetings.class, greetings).provide(Guestbook.class, guestbook)
                .mount(Greeter.class).set("name", "Tony").call("greet").assertSee("Hello, Tony!");
        assertEquals(List.of("Tony"), greetings.asked);
        assertEquals(List.of("Tony"), guestbook.signed());
    }

    @Test
    void aLambdaIsAsGoodAFakeAsAClass() {
        DiffyneTest.kit().provide(Greetings.class, who -> "Hej " + who).provide(Guestbook.class, new Guestbook())
                .mount(Greeter.class).set("name", "Linus").call("greet").assertText(".greeting", "Hej Linus");
    }

    @Test
    void everyRequestGetsAFreshInjectedInstanceWhoseLifecycleRuns() {
        int constructed = Greeter.CONSTRUCTED.get();
        int destroyed = Greeter.DESTROYED.get();
        DiffyneTest.kit().provide(Greetings.class, new FakeGreetings()).provide(Guestbook.class, new Guestbook())
                .mount(Greeter.class).set("name", "Ada").call("greet");
        // mount, set, call; the broadcast the call fired reaches the greeter itself (it listens on its room)
        assertEquals(4, Greeter.CONSTRUCTED.get() - constructed);
        assertEquals(4, Greeter.DESTROYED.get() - destroyed);
    }

    @Test
    void aMissingProvisionNamesTheFieldAndTheFix() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DiffyneTest.kit().provide(Guestbook.class, new Guestbook()).mount(Greeter.class));
        assertEquals("Greeter.greetings is @Inject and needs a io.diffyne.testing.fixtures.Greetings, which the test"
                + " did not provide: DiffyneTest.kit().provide(Greetings.class, yourFake), or run inside CDI with"
                + " DiffyneTest.weld()", e.getMessage());
    }

    @Test
    void twoProvisionsFittingOneFieldAreAmbiguous() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DiffyneTest.kit()
                .provide(FakeGreetings.class, new FakeGreetings()).provide(Object.class, (Greetings) w -> w)
                .provide(Guestbook.class, new Guestbook()).mount(Greeter.class));
        assertTrue(e.getMessage().startsWith("Several provided instances are a io.diffyne.testing.fixtures.Greetings"),
                e.getMessage());
    }

    @Test
    void aProvisionMustBeOfItsType() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Object> guestbook = (Class) Guestbook.class;
        assertThrows(IllegalArgumentException.class, () -> DiffyneTest.kit().provide(guestbook, "not a guestbook"));
    }
}
