package io.diffyne.testing;

import io.diffyne.component.Component;
import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.runtime.Channel;
import io.diffyne.runtime.DiffyneRuntime;
import io.diffyne.runtime.meta.ComponentType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One test's server and its browsers: what components get injected ({@link #provide}), which other components are
 * on the page ({@link #components}), the settings, the user. Configure it, then mount: the first mount starts the
 * server, after which the configuration is fixed.
 *
 * <pre>{@code
 * TestKit kit = DiffyneTest.kit().provide(ChatStore.class, new FakeChatStore()).user("alice");
 * TestedComponent<ChatRoom> room = kit.mount(ChatRoom.class, Map.of("room", "lobby"));
 * }</pre>
 *
 * Broadcasts a component fires reach every listening component on the channel in every browser of the kit, as the
 * event stream relays them. Close the kit when it runs inside Weld ({@link DiffyneTest#weld()}); closing a plain one
 * does nothing.
 */
public final class TestKit implements AutoCloseable {

    /** A fixed key: snapshots signed in a test mean nothing elsewhere, and failures reproduce. */
    static final String TEST_KEY = "diffyne-test-kit-signing-key";

    private final boolean weld;
    private final Provisions provisions = new Provisions();
    private final Set<Class<?>> components = new LinkedHashSet<>();
    private final Set<Class<?>> beans = new LinkedHashSet<>();
    private final Map<String, String> settings = new HashMap<>(Map.of("DIFFYNE_SIGNING_KEY", TEST_KEY));
    private final Map<Class<?>, ComponentType> types = new HashMap<>();
    private final List<TestBrowser> browsers = new ArrayList<>();
    private String user;
    private Channel channel = Channel.AJAX;
    private KitServer server;

    TestKit(boolean weld) {
        this.weld = weld;
    }

    /**
     * What {@code @Inject} fields of type {@code type} receive (or {@code Provider<type>} fields provide): a fake, a
     * mock, a real object. A field whose type nothing provided fails the mount with the field's name. Inside Weld
     * the instance is a bean of that type.
     */
    public <T> TestKit provide(Class<T> type, T instance) {
        configuring();
        provisions.put(type, instance);
        return this;
    }

    /**
     * Other components the test mounts or that listen on the page. Components are registered when first mounted;
     * declaring them here is needed only inside Weld, whose beans are fixed at start.
     */
    public TestKit components(Class<?>... componentClasses) {
        configuring();
        components.addAll(Arrays.asList(componentClasses));
        return this;
    }

    /** Inside Weld: classes to deploy as beans besides the components (real services, producers, interceptors). */
    public TestKit beans(Class<?>... beanClasses) {
        configuring();
        if (!weld) {
            throw new IllegalStateException("beans(...) needs CDI: start the kit with DiffyneTest.weld(), or give"
                    + " instances with provide(type, instance)");
        }
        beans.addAll(Arrays.asList(beanClasses));
        return this;
    }

    /** A setting as the server would read it ({@code DIFFYNE_MAX_STATE_SIZE}, {@code DIFFYNE_DEBUG}, …). */
    public TestKit setting(String name, String value) {
        configuring();
        settings.put(name, value);
        return this;
    }

    /** The user the default browser is signed in as (snapshots are bound to it); anonymous when not set. */
    public TestKit user(String principal) {
        configuring();
        this.user = principal;
        return this;
    }

    /** Requests arrive as over a WebSocket connection ({@code isWebSocketConnected()} is true in the component). */
    public TestKit overWebSocket() {
        configuring();
        this.channel = Channel.WEBSOCKET;
        return this;
    }

    /** The default browser, signed in as {@link #user}. */
    public TestBrowser browser() {
        if (browsers.isEmpty()) {
            browsers.add(new TestBrowser(this, user, channel));
        }
        return browsers.get(0);
    }

    /** Another browser on the same server, signed in as {@code principal} (null: anonymous). */
    public TestBrowser newBrowser(String principal) {
        browser();
        TestBrowser other = new TestBrowser(this, principal, channel);
        browsers.add(other);
        return other;
    }

    /** Mounts {@code componentClass} in the default browser. */
    public <C extends Component> TestedComponent<C> mount(Class<C> componentClass) {
        return browser().mount(componentClass);
    }

    /** Mounts {@code componentClass} in the default browser with page parameters. */
    public <C extends Component> TestedComponent<C> mount(Class<C> componentClass, Map<String, ?> params) {
        return browser().mount(componentClass, params);
    }

    /** Shuts the CDI container down (inside Weld); a plain kit holds nothing to release. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    ComponentType type(Class<?> componentClass) {
        return types.computeIfAbsent(componentClass, ComponentType::of);
    }

    /** The runtime, started at the first mount, knowing {@code componentClass}. */
    DiffyneRuntime runtimeFor(Class<?> componentClass) {
        if (server == null) {
            components.add(componentClass);
            server = start();
        } else if (weld && !components.contains(componentClass)) {
            throw new IllegalStateException(componentClass.getName() + " was not deployed in Weld, whose beans are"
                    + " fixed at the first mount: declare it with components(...) before mounting anything");
        }
        Set<Class<?>> needed = new LinkedHashSet<>(components);
        needed.add(componentClass);
        return server.runtime(needed);
    }

    DiffyneRuntime runtime() {
        return server.runtime(Set.of());
    }

    KitServer server() {
        return server;
    }

    /** Every component of every browser starts a new round of received responses. */
    void startRound() {
        browsers.forEach(b -> b.mounted().forEach(TestedComponent::startRound));
    }

    /** Delivers the broadcasts fired since {@code first} (and those the deliveries fire) to every listener. */
    void deliver(int first) {
        List<BroadcastMessage> all = server.broadcasts();
        for (int next = first; next < all.size(); next++) {
            if (next - first >= TestBrowser.MAX_RELAYS) {
                throw Failures.fail("More than " + TestBrowser.MAX_RELAYS + " broadcasts after one action: listeners"
                        + " broadcasting to each other in a loop?");
            }
            BroadcastMessage message = all.get(next);
            for (TestBrowser browser : List.copyOf(browsers)) {
                for (TestedComponent<?> component : List.copyOf(browser.mounted())) {
                    if (component.copy().channels().contains(message.channel())
                            && component.copy().listeners().contains(message.name())) {
                        browser.deliver(component, message);
                    }
                }
            }
        }
    }

    private KitServer start() {
        if (weld) {
            WeldComponents container;
            try {
                container = WeldComponents.start(components, beans, provisions);
            } catch (NoClassDefFoundError e) {
                throw new IllegalStateException("DiffyneTest.weld() needs Weld SE on the test class path:"
                        + " org.jboss.weld.se:weld-se-core 5.x (" + e.getMessage() + " is missing)", e);
            }
            return new KitServer(settings, container.factory(), container);
        }
        return new KitServer(settings, new InjectingComponentFactory(provisions), null);
    }

    private void configuring() {
        if (server != null) {
            throw new IllegalStateException("Configure the kit before the first mount: its server is running");
        }
    }
}
