package io.diffyne.runtime.meta;

import io.diffyne.component.spi.Names;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * All components of the application by name: what a request or a page may name. Immutable; built at deployment by
 * {@link ComponentExtension}, or directly from classes in tests ({@code ComponentRegistry.of(Counter.class)}).
 */
public final class ComponentRegistry {

    private final Map<String, ComponentType> byName;
    private final Map<Class<?>, ComponentType> byClass = new HashMap<>();

    private ComponentRegistry(Map<String, ComponentType> byName) {
        this.byName = byName;
        byName.values().forEach(t -> byClass.put(t.componentClass(), t));
    }

    /**
     * Inspects every class and registers it.
     *
     * @throws ComponentDefinitionException listing the problems of all classes together (bad declarations, duplicate
     *                                      names), each naming the class and the fix
     */
    public static ComponentRegistry of(Collection<? extends Class<?>> classes) {
        List<String> problems = new ArrayList<>();
        Map<String, ComponentType> byName = new TreeMap<>();
        Map<String, Class<?>> claimed = new HashMap<>();
        for (Class<?> cls : classes) {
            ComponentInspector in = ComponentType.inspect(cls);
            // only a valid name can be claimed, so a bad name is reported once, not also as a duplicate
            if (Names.isComponentName(in.name)) {
                Class<?> other = claimed.putIfAbsent(in.name, cls);
                if (other != null && other != cls) {
                    problems.add(String.format(DefinitionMessages.DUPLICATE_NAME, in.name, other.getName(),
                            cls.getName()));
                    continue;
                }
            }
            if (!in.problems.isEmpty()) {
                problems.addAll(in.problems);
                continue;
            }
            byName.putIfAbsent(in.name, ComponentType.from(in));
        }
        if (!problems.isEmpty()) {
            throw new ComponentDefinitionException(problems);
        }
        return new ComponentRegistry(Collections.unmodifiableMap(byName));
    }

    public static ComponentRegistry of(Class<?>... classes) {
        return of(Arrays.asList(classes));
    }

    /**
     * The component named {@code name}.
     *
     * @throws UnknownComponentException when there is none (the runtime answers {@code not_found})
     */
    public ComponentType get(String name) {
        ComponentType type = name == null ? null : byName.get(name);
        if (type == null) {
            throw new UnknownComponentException(name);
        }
        return type;
    }

    public Optional<ComponentType> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /**
     * The type of an instance's class, also for container subclasses (interceptor proxies) of a registered class.
     */
    public Optional<ComponentType> typeOf(Class<?> cls) {
        for (Class<?> c = cls; c != null; c = c.getSuperclass()) {
            ComponentType t = byClass.get(c);
            if (t != null) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** All types, sorted by name. */
    public Collection<ComponentType> types() {
        return byName.values();
    }

    /** Every role a component asks about ({@link ComponentType#declaredRoles()}), sorted. */
    public java.util.Set<String> declaredRoles() {
        java.util.Set<String> roles = new java.util.TreeSet<>();
        byName.values().forEach(t -> roles.addAll(t.declaredRoles()));
        return Collections.unmodifiableSet(roles);
    }

    public int size() {
        return byName.size();
    }
}
