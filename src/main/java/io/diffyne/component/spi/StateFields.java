package io.diffyne.component.spi;

import io.diffyne.component.Component;
import io.diffyne.component.State;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The one rule for which fields are a component's state, shared by the registry, hydration and
 * {@code Component.reset}: a field declared in the component class or a superclass below {@link Component} that is
 * neither static nor synthetic, and is either public, non-transient and non-final, or annotated {@link State} (any
 * visibility; {@code @State} on a final or transient field is a definition error the registry reports).
 * Order: superclass fields first, then each class's fields in declaration order.
 */
public final class StateFields {

    private StateFields() {
    }

    /** Whether {@code field} is state by the rule above (its declaring class is not checked). */
    public static boolean isState(Field field) {
        int mod = field.getModifiers();
        if (Modifier.isStatic(mod) || field.isSynthetic()) {
            return false;
        }
        return field.isAnnotationPresent(State.class)
                || (Modifier.isPublic(mod) && !Modifier.isTransient(mod) && !Modifier.isFinal(mod));
    }

    /** The state fields of {@code type}, superclass fields first; empty when {@code type} is not a component. */
    public static List<Field> of(Class<?> type) {
        Deque<Class<?>> chain = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Component.class && c != Object.class; c = c.getSuperclass()) {
            chain.push(c);
        }
        if (!Component.class.isAssignableFrom(type)) {
            return List.of();
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (isState(f)) {
                    fields.add(f);
                }
            }
        }
        return List.copyOf(fields);
    }
}
