package io.diffyne.testing;

import io.diffyne.component.Component;
import io.diffyne.runtime.meta.ComponentFactory;
import io.diffyne.runtime.meta.ComponentInstance;
import io.diffyne.runtime.meta.ComponentType;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Component instances without a container, the way CDI would make a {@code @Dependent} bean of them: the no-argument
 * constructor, then every {@code @Inject} field (superclass first) from what the test provided, then
 * {@code @PostConstruct}; closing the instance runs {@code @PreDestroy}. A field of type {@code Provider<T>} gets a
 * provider of the provided {@code T}. Qualifiers are not looked at: the kit matches by type.
 */
final class InjectingComponentFactory implements ComponentFactory {

    private final Provisions provisions;
    private final Map<Class<?>, Plan> plans = new ConcurrentHashMap<>();

    InjectingComponentFactory(Provisions provisions) {
        this.provisions = provisions;
    }

    @Override
    public ComponentInstance create(ComponentType type) {
        Component component = type.newPlainInstance();
        Plan plan = plans.computeIfAbsent(type.componentClass(), Plan::of);
        for (Field field : plan.injected) {
            set(field, component, valueFor(field));
        }
        plan.postConstruct.forEach(m -> run(m, component));
        return new ComponentInstance(component, () -> plan.preDestroy.forEach(m -> run(m, component)));
    }

    private Object valueFor(Field field) {
        Type type = field.getGenericType();
        if (field.getType() == Provider.class && type instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> provided) {
            Object instance = require(field, provided);
            return (Provider<Object>) () -> instance;
        }
        return require(field, field.getType());
    }

    private Object require(Field field, Class<?> wanted) {
        return provisions.find(wanted).orElseThrow(() -> new IllegalStateException(
                field.getDeclaringClass().getSimpleName() + "." + field.getName() + " is @Inject and needs a "
                        + wanted.getName() + ", which the test did not provide: DiffyneTest.kit().provide("
                        + wanted.getSimpleName() + ".class, yourFake), or run inside CDI with DiffyneTest.weld()"));
    }

    private static void set(Field field, Object target, Object value) {
        try {
            field.set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot inject " + field + ": " + e.getMessage(), e);
        }
    }

    private static void run(Method method, Object target) {
        try {
            method.invoke(target);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException(method + " failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + method + ": " + e.getMessage(), e);
        }
    }

    /** What to inject and call for one class, read once. */
    private record Plan(List<Field> injected, List<Method> postConstruct, List<Method> preDestroy) {

        static Plan of(Class<?> cls) {
            List<Class<?>> hierarchy = new ArrayList<>();
            for (Class<?> c = cls; c != null && c != Component.class && c != Object.class; c = c.getSuperclass()) {
                hierarchy.add(0, c);
            }
            List<Field> injected = new ArrayList<>();
            List<Method> post = new ArrayList<>();
            List<Method> pre = new ArrayList<>();
            for (Class<?> c : hierarchy) {
                for (Constructor<?> constructor : c.getDeclaredConstructors()) {
                    unsupported(constructor, c, "constructor injection");
                }
                for (Field field : c.getDeclaredFields()) {
                    if (field.isAnnotationPresent(Inject.class)) {
                        if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                            throw new IllegalStateException(c.getName() + "." + field.getName()
                                    + " is @Inject but static or final: CDI injects neither");
                        }
                        injected.add(accessible(field));
                    }
                }
                for (Method method : c.getDeclaredMethods()) {
                    unsupported(method, c, "method injection");
                    if (method.isAnnotationPresent(PostConstruct.class)) {
                        post.add(accessible(method));
                    }
                    if (method.isAnnotationPresent(PreDestroy.class)) {
                        pre.add(0, accessible(method));
                    }
                }
            }
            return new Plan(List.copyOf(injected), List.copyOf(post), List.copyOf(pre));
        }

        private static void unsupported(AccessibleObject member, Class<?> c, String what) {
            if (member.isAnnotationPresent(Inject.class)) {
                throw new IllegalStateException(c.getName() + " uses " + what + ", which the kit's plain injection"
                        + " does not do: inject fields, or run the test inside CDI with DiffyneTest.weld()");
            }
        }

        private static <T extends AccessibleObject> T accessible(T member) {
            member.setAccessible(true);
            return member;
        }
    }
}
