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
import org.opentest4j.AssertionFailedError;

/** Every action goes through the runtime as a request, with the snapshot the last response left. */
class ActionsTest {

    private final FakeGreetings greetings = new FakeGreetings();
    private final Guestbook guestbook = new Guestbook();

    private TestedComponent<Greeter> greeter(Map<String, ?> params) {
        return DiffyneTest.kit().provide(FakeGreetings.class, greetings).provide(Guestbook.class, guestbook)
                .mount(Greeter.class, params);
    }

    @Test
    void mountAssignsParametersAndSignsVersionOne() {
        TestedComponent<Greeter> greeter = greeter(Map.of("name", "Ada", "room", "attic"));
        greeter.assertSet("name", "Ada").assertSet("room", "attic")
                .assertAttribute("section", "data-room", "attic")
                .assertAttribute("input", "value", "Ada");
        assertEquals(1, greeter.version());
        assertEquals("kit-greeter", greeter.name());
        assertEquals(12, greeter.id().length());
        assertTrue(greeter.state().containsKey("greeted"));
    }

    @Test
    void setIsAnUpdateAndCallRunsTheMethodWithTheNewState() {
        TestedComponent<Greeter> greeter = greeter(Map.of()).set("name", "Grace").assertOk();
        assertEquals(2, greeter.version());
        greeter.call("greet").assertOk()
                .assertText(".greeting", "Hello, Grace!")
                .assertSet("greeted", 1)
                .assertSee("Greeted 1 times", "Welcome back");
        assertEquals(4, greeter.version(), "the update, the call, and the call's broadcast reaching the greeter itself");
        assertEquals(List.of("Grace"), greetings.asked);
        assertEquals(List.of("Grace"), guestbook.signed());
        int greeted = greeter.get("greeted");
        assertEquals(1, greeted);
    }

    @Test
    void argumentsAreSentAsJsonAndCoercedToTheParameterTypes() {
        greeter(Map.of()).call("greetMany", "Bob", 3).assertText(".greeting", "Hello, Bob! Hello, Bob! Hello, Bob!")
                .call("greetMany", "Bob", "three").assertError(ErrorType.METHOD_ERROR)
                .assertText(".greeting", "Hello, Bob! Hello, Bob! Hello, Bob!")
                .call("greetMany", "Bob").assertError(ErrorType.METHOD_ERROR);
    }

    @Test
    void fillSendsDeferredValuesWithTheNextCall() {
        TestedComponent<Greeter> greeter = greeter(Map.of()).fill(Map.of("name", "Linus"));
        greeter.assertSet("name", "");
        greeter.call("greetMany", "Linus", 1).assertSet("name", "Linus").assertSet("greeting", "Hello, Linus!");
        assertEquals(2, greeter.version(), "one request carried the update and the call");
    }

    @Test
    void renderAnswersTheWholeComponentAndKeepsTheVersion() {
        TestedComponent<Greeter> greeter = greeter(Map.of()).set("name", "Ken").render().assertOk()
                .assertAttribute("input", "value", "Ken");
        assertEquals(2, greeter.version());
        assertTrue(greeter.response().getJsonObject("c").containsKey("h"));
    }

    @Test
    void aLazyComponentIsLoadedFromItsPlaceholdersTicketWithItsParameters() {
        DiffyneTest.mount(io.diffyne.testing.fixtures.Report.class, Map.of("title", "Sales"))
                .assertText("h3", "Sales").assertSee("5 rows").assertDontSee("Loading")
                .set("rows", 7).assertSee("7 rows");
    }

    @Test
    void theSnapshotIsSignedForTheUser() {
        TestKit kit = DiffyneTest.kit().provide(FakeGreetings.class, greetings).provide(Guestbook.class, guestbook)
                .user("alice");
        TestedComponent<Greeter> greeter = kit.mount(Greeter.class).set("name", "Alice").assertOk();
        assertEquals("alice", kit.browser().user());
        assertEquals(2, greeter.version());
    }

    @Test
    void requestsArriveOverAjaxUnlessTheKitSaysWebSocket() {
        greeter(Map.of()).assertAttribute("section", "data-arrived-by", "ajax")
                .set("name", "x").assertAttribute("section", "data-arrived-by", "ajax");
        DiffyneTest.kit().provide(FakeGreetings.class, greetings).provide(Guestbook.class, guestbook).overWebSocket()
                .mount(Greeter.class).assertAttribute("section", "data-arrived-by", "socket")
                .set("name", "x").assertAttribute("section", "data-arrived-by", "socket");
    }

    @Test
    void aComponentThatThrowsFailsTheTestWithItsException() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> greeter(Map.of()).call("fail"));
        assertTrue(error.getMessage().startsWith("Component 'kit-greeter' failed on call(\"fail\")"), error.getMessage());
        assertTrue(error.getMessage().contains("the greeter tripped"), error.getMessage());
        Throwable cause = error.getCause();
        while (cause != null && !(cause instanceof IllegalStateException)) {
            cause = cause.getCause();
        }
        assertTrue(cause != null && cause.getMessage().equals("the greeter tripped"), String.valueOf(error.getCause()));
    }

    @Test
    void settingsApplyAsTheServerReadsThem() {
        TestedComponent<Greeter> greeter = DiffyneTest.kit().provide(FakeGreetings.class, greetings)
                .provide(Guestbook.class, guestbook)
                .setting(io.diffyne.config.DiffyneSettings.MAX_STATE_SIZE, "1024").mount(Greeter.class);
        greeter.set("greeting", "x".repeat(2000)).assertError(ErrorType.STATE_TOO_LARGE).assertSet("greeting", "")
                .set("greeting", "short").assertOk();
    }

    @Test
    void theConfigurationIsFixedOnceMounted() {
        TestKit kit = DiffyneTest.kit().provide(FakeGreetings.class, greetings).provide(Guestbook.class, guestbook);
        kit.mount(Greeter.class);
        assertThrows(IllegalStateException.class, () -> kit.setting("DIFFYNE_DEBUG", "true"));
        assertThrows(IllegalStateException.class, () -> kit.beans(Guestbook.class));
    }
}
