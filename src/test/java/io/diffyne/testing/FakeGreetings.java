package io.diffyne.testing;

import io.diffyne.testing.fixtures.Greetings;

import java.util.ArrayList;
import java.util.List;

/** A hand-written fake: answers "Hello, <who>!" and remembers who it greeted. */
final class FakeGreetings implements Greetings {

    final List<String> asked = new ArrayList<>();

    @Override
    public String greet(String who) {
        asked.add(who);
        return "Hello, " + who + "!";
    }
}
