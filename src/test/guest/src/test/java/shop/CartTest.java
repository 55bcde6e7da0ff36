package shop;

import io.diffyne.testing.DiffyneTest;

import org.junit.jupiter.api.Test;

/**
 * The application's component tested the way the README shows, with the kit as a test dependency
 * ({@code io.diffyne:diffyne-testing}) and nothing else of Diffyne's: this build fails if the kit's POM misses
 * something a test JVM needs.
 */
class CartTest {

    @Test
    void addingShowsTheCount() {
        DiffyneTest.mount(Cart.class)
                .assertText(".items", "0")
                .call("add").assertOk()
                .call("add").assertOk()
                .assertText(".items", "2")
                .assertSet("items", 2);
    }

    @Test
    void onlyInvokableMethodsAndPublicStateAreReachable() {
        DiffyneTest.mount(Cart.class)
                .call("toString").assertError(io.diffyne.protocol.ErrorType.METHOD_ERROR)
                .assertSet("items", 0);
    }
}
