package io.diffyne.testing;

import io.diffyne.config.DiffyneSettings;
import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.runtime.BroadcastPasses;
import io.diffyne.runtime.DefaultDiffyneRuntime;
import io.diffyne.runtime.DiffyneRuntime;
import io.diffyne.runtime.EventPasses;
import io.diffyne.runtime.IssuedVersions;
import io.diffyne.runtime.LocalIssuedVersions;
import io.diffyne.runtime.meta.ComponentFactory;
import io.diffyne.runtime.meta.ComponentRegistry;
import io.diffyne.state.SnapshotSigner;

import jakarta.json.JsonValue;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server side of a kit: the production runtime wired without a container (the registry of the components the test
 * uses, the instance factory that injects what the test provided, Bean Validation when a provider is on the class
 * path), and the broadcast bus as a list. A component class first mounted after the runtime was built rebuilds it
 * with the same key and issued versions, so the snapshots the browsers hold stay valid.
 */
final class KitServer implements AutoCloseable {

    private final DiffyneSettings settings;
    private final ComponentFactory factory;
    private final AutoCloseable container;
    private final Validator validator = DefaultValidator.INSTANCE;
    private final IssuedVersions versions = new LocalIssuedVersions();
    private final Set<Class<?>> classes = new LinkedHashSet<>();
    private final List<BroadcastMessage> broadcasts = new ArrayList<>();
    private final EventPasses eventPasses;
    private final BroadcastPasses broadcastPasses;
    private DefaultDiffyneRuntime runtime;

    /**
     * @param container what closing the kit shuts down (a Weld container), or null
     */
    KitServer(Map<String, String> settingValues, ComponentFactory factory, AutoCloseable container) {
        this.settings = DiffyneSettings.load(name -> Optional.ofNullable(settingValues.get(name)));
        this.factory = factory;
        this.container = container;
        this.eventPasses = new EventPasses(new SnapshotSigner(settings.signingKey()), Clock.systemUTC());
        this.broadcastPasses = new BroadcastPasses(settings.signingKey(), Clock.systemUTC());
    }

    /** The runtime, knowing at least {@code needed}. */
    DiffyneRuntime runtime(Set<Class<?>> needed) {
        if (runtime == null || !classes.containsAll(needed)) {
            classes.addAll(needed);
            runtime = new DefaultDiffyneRuntime(ComponentRegistry.of(classes), factory, settings, validator,
                    broadcasts::add, versions);
        }
        return runtime;
    }

    /** Every broadcast fired so far, oldest first; the kit delivers them after each action. */
    List<BroadcastMessage> broadcasts() {
        return broadcasts;
    }

    /** The pass a page event dispatched by another component would carry to this page's listeners. */
    String pagePass(String event, JsonValue data, String principal) {
        return eventPasses.forDispatch(event, data, null, false, "test-kit", principal);
    }

    /** The sealed pass the event stream relays a broadcast with. */
    String broadcastPass(String channel, String event, JsonValue data, String principal) {
        return broadcastPasses.seal(channel, event, data, principal);
    }

    @Override
    public void close() {
        if (container != null) {
            try {
                container.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not shut the CDI container down: " + e, e);
            }
        }
    }

    /** One validator for every kit: building a factory takes a good part of a second, and a validator is thread-safe. */
    private static final class DefaultValidator {
        static final Validator INSTANCE = build();

        private static Validator build() {
            try {
                return Validation.buildDefaultValidatorFactory().getValidator();
            } catch (jakarta.validation.ValidationException e) {
                return null; // no provider on the class path: validate() then reports that itself
            }
        }
    }
}
