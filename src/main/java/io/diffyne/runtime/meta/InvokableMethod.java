package io.diffyne.runtime.meta;

import io.diffyne.component.Component;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An {@code @Invokable} action: the only kind of method a client {@code call} may run. Called through a spread
 * MethodHandle, so a call costs about as much as a direct one.
 */
public final class InvokableMethod {

    private final Method method;
    private final List<Type> parameterTypes;
    private final MethodHandle spread;
    /** {@code @RolesAllowed}'s roles, or null when anyone may call it. */
    private final Set<String> rolesAllowed;

    InvokableMethod(Method method) throws IllegalAccessException {
        this.method = method;
        this.parameterTypes = List.of(method.getGenericParameterTypes());
        jakarta.annotation.security.RolesAllowed roles = method.getAnnotation(jakarta.annotation.security.RolesAllowed.class);
        this.rolesAllowed = roles == null ? null : Set.of(roles.value());
        int n = method.getParameterCount();
        method.setAccessible(true);
        this.spread = MethodHandles.lookup().unreflect(method)
                .asType(MethodType.genericMethodType(n + 1))
                .asSpreader(Object[].class, n);
    }

    /** The action name clients use: the method name. */
    public String name() {
        return method.getName();
    }

    /** Declared parameter types with generics, for coercing the request's {@code params}. */
    public List<Type> parameterTypes() {
        return parameterTypes;
    }

    public int parameterCount() {
        return parameterTypes.size();
    }

    /** The roles of its {@code @RolesAllowed} (empty: nobody), or empty when anyone may call it. */
    public java.util.Optional<Set<String>> rolesAllowed() {
        return java.util.Optional.ofNullable(rolesAllowed);
    }

    /** Whether a caller holding the roles {@code inRole} accepts may run it: anyone, unless {@code @RolesAllowed}. */
    public boolean allows(Predicate<String> inRole) {
        return rolesAllowed == null || rolesAllowed.stream().anyMatch(inRole);
    }

    public Method method() {
        return method;
    }

    /**
     * Runs the action.
     *
     * @param args already coerced to {@link #parameterTypes()}
     * @return the method's result ({@code null} for {@code void})
     * @throws IllegalArgumentException when the number of arguments is wrong (check {@link #parameterCount()} first)
     * @throws InvocationFailedException wrapping a checked exception; unchecked ones propagate unchanged
     */
    public Object invoke(Component target, Object... args) {
        if (args.length != parameterTypes.size()) {
            throw new IllegalArgumentException(name() + " takes " + parameterTypes.size() + " parameter(s), "
                    + args.length + " given");
        }
        try {
            return (Object) spread.invokeExact((Object) target, args);
        } catch (Throwable t) {
            throw InvocationFailedException.rethrow(describe(), t);
        }
    }

    private String describe() {
        return method.getDeclaringClass().getSimpleName() + "." + name();
    }

    @Override
    public String toString() {
        return describe() + parameterTypes;
    }
}
