package io.diffyne.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.diffyne.testing.fixtures.Greeter;
import io.diffyne.testing.fixtures.Greetings;
import io.diffyne.testing.fixtures.Guestbook;
import io.diffyne.testing.fixtures.Tally;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Between the components of a page, and between browsers: events relayed with their passes, broadcasts delivered. */
class PageTest {

    private final TestKit kit = DiffyneTest.kit().provide(Greetings.class, who -> "Hi " + who)
            .provide(Guestbook.class, new Guestbook());

    @Test
    void aDispatchedEventReachesTheListeningComponentsOfThePage() {
        TestedComponent<Greeter> greeter = kit.mount(Greeter.class, Map.of("name", "Ada"));
        TestedComponent<Tally> tally = kit.mount(Tally.class);
        greeter.call("greet").assertDispatched("greeted");
        tally.assertOk().assertText("li", "Ada").assertSet("names", List.of("Ada"));
        greeter.call("greet");
        tally.assertCount("li", 2);
    }

    @Test
    void anEventToAComponentByNameAndToItselfReachOnlyThose() {
        TestedComponent<Greeter> greeter = kit.mount(Greeter.class);
        TestedComponent<Tally> tally = kit.mount(Tally.class);
        TestedComponent<Tally> other = kit.mount(Tally.class);
        tally.call("renameGreeter", "Grace");
        greeter.assertSet("name", "Grace").assertAttribute("input", "value", "Grace");
        tally.call("pokeSelf").assertSet("self", 1);
        other.assertSet("self", 0);
    }

    @Test
    void aTestDispatchCarriesTheServersPassAndABrowserDispatchNone() {
        TestedComponent<Greeter> greeter = kit.mount(Greeter.class);
        greeter.dispatch("rename", Map.of("name", "Barbara")).assertOk().assertSet("name", "Barbara");
        greeter.dispatchFromBrowser("rename", Map.of("name", "Mallory")).assertSecurityError()
                .assertSet("name", "Barbara");
        greeter.dispatchFromBrowser("wave", null).assertOk().assertText(".greeting", "👋");
    }

    @Test
    void aBroadcastReachesEveryBrowserOnTheChannelAndNoOther() {
        TestedComponent<Greeter> alice = kit.user("alice").mount(Greeter.class, Map.of("name", "Alice"));
        TestedComponent<Greeter> bob = kit.newBrowser("bob").mount(Greeter.class);
        TestedComponent<Greeter> elsewhere = kit.newBrowser("carol").mount(Greeter.class, Map.of("room", "attic"));
        alice.call("greet").assertBroadcast("room.hall", "arrived", Map.of("name", "Alice"));
        bob.assertOk().assertText(".arrival", "Alice");
        alice.assertText(".arrival", "Alice");
        elsewhere.assertText(".arrival", "");
        assertEquals(3, kit.browser().components().size() + 2);
    }

    @Test
    void aBroadcastTheTestSendsIsCheckedAgainstTheComponentsChannels() {
        TestedComponent<Greeter> greeter = kit.mount(Greeter.class);
        greeter.receiveBroadcast("room.hall", "arrived", Map.of("name", "Dennis")).assertOk()
                .assertText(".arrival", "Dennis");
        greeter.receiveBroadcast("room.attic", "arrived", Map.of("name", "Eve")).assertSecurityError()
                .assertText(".arrival", "Dennis");
    }
}
