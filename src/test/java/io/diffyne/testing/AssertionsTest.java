package io.diffyne.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.protocol.ErrorType;
import io.diffyne.testing.fixtures.Greeter;
import io.diffyne.testing.fixtures.Guestbook;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/** Each assertion holds on what it should, and fails with a message that says what was there instead. */
class AssertionsTest {

    private final TestedComponent<Greeter> greeter = DiffyneTest.kit()
            .provide(FakeGreetings.class, new FakeGreetings()).provide(Guestbook.class, new Guestbook())
            .mount(Greeter.class, Map.of("name", "Ada"));

    private static String fails(Executable check) {
        return assertThrows(AssertionFailedError.class, check).getMessage();
    }

    @Test
    void seeReadsTheVisibleText() {
        greeter.assertSee("Greeted 0 times").assertDontSee("Welcome back", "Hello");
        assertTrue(fails(() -> greeter.assertSee("Welcome back")).startsWith("'kit-greeter' does not show 'Welcome back'"));
        assertTrue(fails(() -> greeter.assertDontSee("Greeted")).contains("shows 'Greeted'"));
        greeter.assertSeeHtml("<p class=\"welcome\">".substring(0, 3));
        assertTrue(fails(() -> greeter.assertSeeHtml("<table>")).contains("has no '<table>'"));
    }

    @Test
    void selectorsFindElementsTheirTextAndAttributes() {
        greeter.assertPresent("input[name=name]").assertMissing(".welcome").assertCount("p", 3)
                .assertText("p.count", "Greeted 0 times").assertAttribute("p.count", "data-greeted", "0");
        assertTrue(fails(() -> greeter.assertPresent(".welcome")).startsWith("No element of 'kit-greeter' matches"));
        assertTrue(fails(() -> greeter.assertMissing("input")).contains("1 element(s) matching 'input'"));
        assertTrue(fails(() -> greeter.assertCount("p", 4)).contains("expected: <4> but was: <3>"));
        assertTrue(fails(() -> greeter.assertText(".count", "Greeted 9 times"))
                .contains("expected: <Greeted 9 times> but was: <Greeted 0 times>"));
        assertTrue(fails(() -> greeter.assertAttribute(".count", "data-x", "1")).contains("has no attribute 'data-x'"));
        assertTrue(fails(() -> greeter.assertAttribute(".count", "data-greeted", "1"))
                .contains("expected: <1> but was: <0>"));
        assertTrue(fails(() -> greeter.assertPresent("p[")).startsWith("Not a CSS selector"));
    }

    @Test
    void stateIsComparedAsJson() {
        greeter.assertSet("greeted", 0).assertSet("greeted", 0L).assertSet("greeted", 0.0).assertNotSet("name", "Bob");
        assertTrue(fails(() -> greeter.assertSet("name", "Bob")).contains("expected: <\"Bob\"> but was: <\"Ada\">"));
        assertTrue(fails(() -> greeter.assertNotSet("name", "Ada")).contains("holds \"Ada\""));
        assertTrue(fails(() -> greeter.assertSet("nope", 1))
                .contains("has no state field 'nope'; its state fields: [name, greeting, greeted, lastArrival, room]"));
    }

    @Test
    void aRefusedActionIsNamedInTheFailureOfALaterCheck() {
        greeter.set("room", "cellar").assertSecurityError();
        String message = fails(() -> greeter.assertSet("room", "cellar"));
        assertTrue(message.contains("(the last action was refused: security_error: Property 'room' of component"
                + " 'kit-greeter' is @Locked"), message);
        assertTrue(fails(greeter::assertOk).contains("expected: <success> but was: <security_error>"));
        assertTrue(fails(() -> greeter.assertError(ErrorType.METHOD_ERROR))
                .contains("expected: <method_error> but was: <security_error>"));
        greeter.call("greet").assertOk();
        assertTrue(fails(greeter::assertSecurityError).contains("expected: <security_error> but was: <success>"));
    }

    @Test
    void validationErrorsAreThoseOfTheResponse() {
        greeter.set("name", "").call("greet").assertError(ErrorType.VALIDATION_ERROR)
                .assertHasErrors().assertHasErrors("name").assertHasError("name", "Who is it?")
                .assertHasNoErrors("greeting").assertText(".error", "Who is it?").assertSet("greeted", 0);
        assertEquals(Map.of("name", List.of("Who is it?")), greeter.errors());
        assertTrue(fails(() -> greeter.assertHasErrors("room")).contains("no validation error on 'room'"));
        assertTrue(fails(() -> greeter.assertHasError("name", "Too short")).contains("but was: <[Who is it?]>"));
        assertTrue(fails(greeter::assertHasNoErrors).contains("validation errors on [name]"));
        greeter.set("name", "Ada").call("greet").assertOk().assertHasNoErrors().assertMissing(".error:not(:empty)");
        assertTrue(fails(greeter::assertHasErrors).contains("has no validation errors"));
    }

    @Test
    void effectsAreReadFromTheRound() {
        greeter.call("greet")
                .assertDispatched("greeted").assertDispatched("greeted", Map.of("name", "Ada"))
                .assertNotDispatched("rename")
                .assertBrowserEvent("toast").assertBrowserEvent("toast", Map.of("text", "Hello, Ada!"))
                .assertBroadcast("room.hall", "arrived").assertBroadcast("room.hall", "arrived", Map.of("name", "Ada"))
                .assertNoRedirect();
        assertTrue(fails(() -> greeter.assertDispatched("greeted", Map.of("name", "Bob")))
                .contains("but was: <[greeted {\"name\":\"Ada\"}]>"));
        assertTrue(fails(() -> greeter.assertNotDispatched("greeted")).contains("dispatched 'greeted'"));
        assertTrue(fails(() -> greeter.assertBrowserEvent("gone")).contains("never sent the browser event 'gone'"));
        assertTrue(fails(() -> greeter.assertBroadcast("room.attic", "arrived"))
                .contains("but was: <[room.hall arrived {\"name\":\"Ada\"}]>"));
        assertTrue(fails(() -> greeter.assertRedirect("/x")).contains("expected: </x> but was: <null>"));
        greeter.call("leave").assertRedirect("/goodbye?name=Ada").assertNotDispatched("greeted");
        assertTrue(fails(greeter::assertNoRedirect).contains("redirected to"));
    }

    @Test
    void patchesAreThoseOnTheWire() {
        greeter.set("greeting", "Hi").assertPatchCount(1)
                .assertPatches("[{\"t\":\"c\",\"p\":[2,0],\"n\":{\"x\":\"Hi\"}}]");
        assertEquals(1, greeter.patches().size());
        assertTrue(fails(() -> greeter.assertPatches("[]")).contains("expected: <[]>"));
        assertTrue(fails(() -> greeter.assertPatchCount(2)).contains("expected: <2> but was: <1>"));
    }

    @Test
    void beforeAnyActionThereIsNoResponse() {
        assertTrue(fails(greeter::response).contains("received no response in the last round"));
    }
}
