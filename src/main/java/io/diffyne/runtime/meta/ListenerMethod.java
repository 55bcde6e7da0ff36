package io.diffyne.runtime.meta;

import io.diffyne.component.Component;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Optional;

/** An {@code @On("event")} listener: takes no parameter or one (the event data); browser-triggerable or not. */
public final class ListenerMethod {

    private final String event;
    private final boolean fromClient;
    private final Method method;
    private final MethodHandle handle;

    ListenerMethod(String event, boolean fromClient, Method method) throws IllegalAccessException {
        this.event = event;
        this.fromClient = fromClient;
        this.method = method;
        method.setAccessible(true);
        this.handle = MethodHandles.lookup().unreflect(method)
                .asType(MethodType.genericMethodType(method.getParameterCount() + 1));
    }

    public String event() {
        return event;
    }

    /** {@code @On(fromClient = true)}: an unsigned {@code event} request from the browser may run it. */
    public boolean fromClient() {
        return fromClient;
    }

    public Method method() {
        return method;
    }

    /** The data parameter's declared type (with generics), or empty when the listener takes none. */
    public Optional<Type> parameterType() {
        return method.getParameterCount() == 0 ? Optional.empty()
                : Optional.of(method.getGenericParameterTypes()[0]);
    }

    /**
     * Runs the listener; {@code data} (already coerced to {@link #parameterType()}) is ignored when it takes none.
     *
     * @throws InvocationFailedException wrapping a checked exception; unchecked ones propagate unchanged
     */
    public void invoke(Component target, Object data) {
        try {
            if (method.getParameterCount() == 0) {
                Object ignored = (Object) handle.invokeExact((Object) target);
            } else {
                Object ignored = (Object) handle.invokeExact((Object) target, data);
            }
        } catch (Throwable t) {
            throw InvocationFailedException.rethrow(method.getDeclaringClass().getSimpleName() + "." + method.getName(), t);
        }
    }

    @Override
    public String toString() {
        return event + " → " + method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
