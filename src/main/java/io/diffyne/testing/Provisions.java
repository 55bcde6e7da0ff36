package io.diffyne.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a test provides for injection: one instance per declared type (a fake, a mock, a real object). */
final class Provisions {

    private final Map<Class<?>, Object> byType = new LinkedHashMap<>();

    <T> void put(Class<T> type, T instance) {
        if (type == null || instance == null) {
            throw new IllegalArgumentException("provide(type, instance) needs both, got " + type + ", " + instance);
        }
        if (!type.isInstance(instance)) {
            throw new IllegalArgumentException(instance.getClass().getName() + " is not a " + type.getName());
        }
        byType.put(type, instance);
    }

    /**
     * The instance for an injection point of type {@code wanted}: the one provided as exactly that type, else the only
     * one assignable to it.
     *
     * @throws IllegalStateException when several provided instances fit and none was provided as exactly that type
     */
    Optional<Object> find(Class<?> wanted) {
        Object exact = byType.get(wanted);
        if (exact != null) {
            return Optional.of(exact);
        }
        List<Class<?>> fitting = new ArrayList<>();
        byType.forEach((type, instance) -> {
            if (wanted.isInstance(instance)) {
                fitting.add(type);
            }
        });
        if (fitting.size() > 1) {
            throw new IllegalStateException("Several provided instances are a " + wanted.getName() + " (provided as "
                    + fitting + "): provide one as exactly " + wanted.getSimpleName() + ".class");
        }
        return fitting.isEmpty() ? Optional.empty() : Optional.of(byType.get(fitting.get(0)));
    }

    Map<Class<?>, Object> all() {
        return java.util.Collections.unmodifiableMap(byType);
    }
}
