package io.diffyne.testing;

import io.diffyne.component.Component;

import java.util.Map;

/**
 * Where a component test starts. Mount a component and act on it; every step is a request through the production
 * runtime, and every assertion reads what the browser would show:
 *
 * <pre>{@code
 * DiffyneTest.mount(Counter.class, Map.of("step", 2))
 *         .call("increment")
 *         .assertSee("2")
 *         .assertSet("count", 2);
 *
 * DiffyneTest.kit()
 *         .provide(ChatStore.class, fakeStore)        // what @Inject ChatStore fields receive
 *         .user("alice")
 *         .mount(ChatRoom.class, Map.of("room", "lobby"))
 *         .set("newMessage", "hi")
 *         .call("sendMessage")
 *         .assertBroadcast("chat.lobby", "message-sent");
 *
 * try (TestKit kit = DiffyneTest.weld().beans(RealStore.class)) {  // real CDI, in Weld SE
 *     kit.mount(ChatRoom.class).assertSee("lobby");
 * }
 * }</pre>
 */
public final class DiffyneTest {

    private DiffyneTest() {
    }

    /** Mounts {@code componentClass} with no parameters, in a kit of its own. */
    public static <C extends Component> TestedComponent<C> mount(Class<C> componentClass) {
        return kit().mount(componentClass);
    }

    /** Mounts {@code componentClass} with page parameters, in a kit of its own. */
    public static <C extends Component> TestedComponent<C> mount(Class<C> componentClass, Map<String, ?> params) {
        return kit().mount(componentClass, params);
    }

    /** A kit to configure (injection, user, settings, other components) before mounting; no container. */
    public static TestKit kit() {
        return new TestKit(false);
    }

    /**
     * A kit whose components are made by CDI inside Weld SE ({@code org.jboss.weld.se:weld-se-core} 5.x on the test
     * class path): real injection, producers, interceptors. Close it after the test.
     */
    public static TestKit weld() {
        return new TestKit(true);
    }
}
