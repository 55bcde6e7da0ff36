package io.diffyne.demo;

import io.diffyne.testing.DiffyneTest;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The demo counter, tested with the kit. */
class CounterTest {

    @Test
    void incrementAddsTheStepAndShowsIt() {
        DiffyneTest.mount(Counter.class, Map.of("step", 2))
                .assertText(".count", "0")
                .call("increment")
                .assertOk()
                .assertText(".count", "2")
                .assertSet("count", 2)
                .assertPatches("[{\"t\":\"t\",\"p\":[1,0,0],\"x\":\"2\"}]")
                .call("increment")
                .assertSee("4");
    }

    @Test
    void decrementStopsAtZeroAndClearResets() {
        DiffyneTest.mount(Counter.class, Map.of("step", 5))
                .call("increment").call("decrement").call("decrement")
                .assertSet("count", 0)
                .call("increment").call("clear")
                .assertSet("count", 0)
                .assertSet("step", 5);
    }

    @Test
    void aStepBelowOneBecomesOne() {
        DiffyneTest.mount(Counter.class, Map.of("step", -3)).assertSet("step", 1).call("increment").assertSee("1");
    }

    @Test
    void theStepIsLockedAndOnlyInvokablesAreCallable() {
        DiffyneTest.mount(Counter.class)
                .set("step", 100).assertSecurityError().assertSet("step", 1)
                .call("mount", Map.of()).assertError(io.diffyne.protocol.ErrorType.METHOD_ERROR)
                .call("increment").assertOk().assertSet("count", 1);
    }
}
