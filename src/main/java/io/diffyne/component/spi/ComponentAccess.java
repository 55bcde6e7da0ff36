package io.diffyne.component.spi;

import io.diffyne.component.Component;

import java.util.Map;
import java.util.Set;
import java.util.Objects;

/**
 * The runtime's handle on a component: attaching the per-request context and calling the protected lifecycle hooks,
 * which stay out of the public surface application code sees.
 *
 * <p>Order the runtime follows: mount — {@code attach}, {@code mount}, {@code rendering}, render, {@code rendered},
 * {@code detach}; later requests — {@code attach}, restore state, {@code hydrate}, then per property update
 * {@code updating}, assign, {@code updated}, then the action or listener, {@code rendering}, render, {@code rendered},
 * {@code detach}. Hooks run on the request's thread; an exception from a hook propagates unchanged.
 */
public final class ComponentAccess {

    /** Implemented inside {@link Component} (which alone can reach its private slot and protected hooks). */
    public interface Hooks {
        void attach(Component component, ComponentContext context);

        ComponentContext detach(Component component);

        ComponentContext context(Component component);

        void mount(Component component, Map<String, Object> params);

        void hydrate(Component component);

        void updating(Component component, String property, Object value);

        void updated(Component component, String property);

        void rendering(Component component);

        void rendered(Component component);

        Set<String> channels(Component component);
    }

    private static volatile Hooks hooks;

    private ComponentAccess() {
    }

    /** Called once, by {@link Component}'s static initializer; nobody else may install hooks. */
    public static void install(Hooks implementation) {
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        if (caller != Component.class || hooks != null) {
            throw new IllegalStateException("ComponentAccess hooks are installed by Component only");
        }
        hooks = Objects.requireNonNull(implementation);
    }

    /** Attaches {@code context} to {@code component}, replacing any previous one. */
    public static void attach(Component component, ComponentContext context) {
        hooks.attach(Objects.requireNonNull(component), Objects.requireNonNull(context));
    }

    /** Detaches and returns the context ({@code null} if none was attached). */
    public static ComponentContext detach(Component component) {
        return hooks.detach(component);
    }

    /** The attached context, or {@code null}. */
    public static ComponentContext context(Component component) {
        return hooks.context(component);
    }

    public static void mount(Component component, Map<String, Object> params) {
        hooks.mount(component, params == null ? Map.of() : params);
    }

    public static void hydrate(Component component) {
        hooks.hydrate(component);
    }

    public static void updating(Component component, String property, Object value) {
        hooks.updating(component, property, value);
    }

    public static void updated(Component component, String property) {
        hooks.updated(component, property);
    }

    public static void rendering(Component component) {
        hooks.rendering(component);
    }

    public static void rendered(Component component) {
        hooks.rendered(component);
    }

    /** The broadcast channels the component listens on now. */
    public static Set<String> channels(Component component) {
        return hooks.channels(component);
    }
}
