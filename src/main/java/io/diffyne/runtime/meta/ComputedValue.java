package io.diffyne.runtime.meta;

import io.diffyne.component.Component;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/** A {@code @Computed} accessor, readable in the template under {@link #templateName()}; never state. */
public final class ComputedValue {

    private final String templateName;
    private final Method method;
    private final MethodHandle handle;

    ComputedValue(String templateName, Method method) throws IllegalAccessException {
        this.templateName = templateName;
        this.method = method;
        method.setAccessible(true);
        this.handle = MethodHandles.lookup().unreflect(method).asType(MethodType.genericMethodType(1));
    }

    public String templateName() {
        return templateName;
    }

    public Method method() {
        return method;
    }

    /**
     * Computes the value now.
     *
     * @throws InvocationFailedException wrapping a checked exception; unchecked ones propagate unchanged
     */
    public Object compute(Component target) {
        try {
            return (Object) handle.invokeExact((Object) target);
        } catch (Throwable t) {
            throw InvocationFailedException.rethrow(method.getDeclaringClass().getSimpleName() + "." + method.getName(), t);
        }
    }

    /** The template name a method gets without {@code @Computed(value)}: {@code getFullName} → {@code fullName}. */
    static String defaultName(String methodName) {
        for (String prefix : new String[] {"get", "is"}) {
            if (methodName.length() > prefix.length() && methodName.startsWith(prefix)
                    && Character.isUpperCase(methodName.charAt(prefix.length()))) {
                String rest = methodName.substring(prefix.length());
                // java.beans style: getURL stays URL, getFullName becomes fullName
                if (rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) {
                    return rest;
                }
                return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        return methodName;
    }

    @Override
    public String toString() {
        return templateName + " ← " + method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
    }
}
