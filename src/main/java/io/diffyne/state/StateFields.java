package io.diffyne.state;

import io.diffyne.component.Locked;
import io.diffyne.component.QueryString;
import io.diffyne.component.State;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state fields of a component class, computed once per class and cached (thread-safe, unloaded with the class).
 *
 * <p>A component's state is every public, non-static, non-transient, non-final field, plus every field annotated
 * {@code @State} whatever its visibility, declared on the class or any superclass. Superclass fields come first, then
 * each class's fields in declaration order. Two state fields with the same name (a subclass shadowing a superclass
 * field) are an error, as is {@code @State} on a static, final or transient field: the annotation would be ignored.
 */
public final class StateFields {

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private static final ClassValue<StateFields> CACHE = new ClassValue<>() {
        @Override
        protected StateFields computeValue(Class<?> type) {
            return new StateFields(type);
        }
    };

    private final Class<?> type;
    private final List<StateField> fields;
    private final Map<String, StateField> byName;

    private StateFields(Class<?> type) {
        this.type = type;
        Map<String, StateField> found = new LinkedHashMap<>();
        for (Class<?> c : hierarchy(type)) {
            for (Field f : c.getDeclaredFields()) {
                if (!isState(f)) {
                    continue;
                }
                StateField previous = found.put(f.getName(), describe(f));
                if (previous != null) {
                    throw new StateException("State field '" + f.getName() + "' of " + c.getName()
                            + " shadows the one in " + previous.declaringClass().getName() + "; rename one of them");
                }
            }
        }
        this.byName = Collections.unmodifiableMap(found);
        this.fields = List.copyOf(found.values());
    }

    /** The state fields of {@code type} (cached). */
    public static StateFields of(Class<?> type) {
        return CACHE.get(type);
    }

    /** The state fields of a component instance's class. */
    public static StateFields of(Object component) {
        return of(component.getClass());
    }

    public Class<?> type() {
        return type;
    }

    /** All state fields, superclass fields first. */
    public List<StateField> all() {
        return fields;
    }

    /** The field named {@code name}, or {@code null} when the class has no such state field. */
    public StateField get(String name) {
        return byName.get(name);
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public int size() {
        return fields.size();
    }

    private static Deque<Class<?>> hierarchy(Class<?> type) {
        Deque<Class<?>> classes = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            classes.addFirst(c);
        }
        return classes;
    }

    private static boolean isState(Field f) {
        int m = f.getModifiers();
        // synthetic fields: this$0 of inner classes, fields added by CDI proxies / bytecode enhancers
        if (f.isSynthetic()) {
            return false;
        }
        if (f.isAnnotationPresent(State.class)) {
            if (Modifier.isStatic(m) || Modifier.isFinal(m) || Modifier.isTransient(m)) {
                throw new StateException("@State on " + f.getDeclaringClass().getName() + "." + f.getName()
                        + " cannot work: state fields must not be static, final or transient");
            }
            return true;
        }
        return io.diffyne.component.spi.StateFields.isState(f);
    }

    private static StateField describe(Field f) {
        QueryString qs = f.getAnnotation(QueryString.class);
        QueryParam query = qs == null ? null
                : new QueryParam(qs.as().isEmpty() ? f.getName() : qs.as(), qs.history(), qs.keep());
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(f.getDeclaringClass(), MethodHandles.lookup());
            MethodHandle getter = lookup.unreflectGetter(f).asType(GETTER);
            MethodHandle setter = lookup.unreflectSetter(f).asType(SETTER);
            return new StateField(f, f.isAnnotationPresent(Locked.class), query, getter, setter);
        } catch (IllegalAccessException | SecurityException e) {
            throw new StateException("Cannot access state field " + f.getDeclaringClass().getName() + "."
                    + f.getName() + ": open its package to the Diffyne library (module-info 'opens')", e);
        }
    }

    @Override
    public String toString() {
        return type.getName() + new ArrayList<>(fields);
    }
}
