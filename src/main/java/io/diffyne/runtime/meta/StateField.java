package io.diffyne.runtime.meta;

import io.diffyne.component.Component;
import io.diffyne.component.Locked;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Type;

/**
 * One state field of a component type, with MethodHandle access. {@link #set} checks the value's type (after the
 * runtime's coercion it always matches; the check turns a bug into a clear message instead of a ClassCastException).
 */
public final class StateField {

    private final Field field;
    private final boolean locked;
    private final Class<?> boxedType;
    private final MethodHandle getter;
    private final MethodHandle setter;

    StateField(Field field) throws IllegalAccessException {
        this.field = field;
        this.locked = field.isAnnotationPresent(Locked.class);
        this.boxedType = MethodType.methodType(field.getType()).wrap().returnType();
        field.setAccessible(true);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        this.getter = lookup.unreflectGetter(field).asType(MethodType.methodType(Object.class, Object.class));
        this.setter = lookup.unreflectSetter(field).asType(MethodType.methodType(void.class, Object.class, Object.class));
    }

    public String name() {
        return field.getName();
    }

    /** Declared type with generics ({@code List<String>}), for coercion. */
    public Type genericType() {
        return field.getGenericType();
    }

    public Class<?> type() {
        return field.getType();
    }

    /** {@code @Locked}: never writable by a client {@code update} or {@code updates}. */
    public boolean locked() {
        return locked;
    }

    public Field field() {
        return field;
    }

    public Object get(Component component) {
        try {
            return (Object) getter.invokeExact((Object) component);
        } catch (Throwable t) {
            throw InvocationFailedException.rethrow("reading " + field, t);
        }
    }

    /**
     * Assigns {@code value}.
     *
     * @throws IllegalArgumentException when {@code value} does not fit the field (null into a primitive, wrong type)
     */
    public void set(Component component, Object value) {
        if (value == null ? field.getType().isPrimitive() : !boxedType.isInstance(value)) {
            throw new IllegalArgumentException("Cannot assign " + (value == null ? "null" : value.getClass().getName())
                    + " to " + field.getDeclaringClass().getSimpleName() + "." + name() + " of type "
                    + field.getGenericType().getTypeName());
        }
        try {
            setter.invokeExact((Object) component, value);
        } catch (Throwable t) {
            throw InvocationFailedException.rethrow("writing " + field, t);
        }
    }

    @Override
    public String toString() {
        return name() + ":" + genericType().getTypeName() + (locked ? " @Locked" : "");
    }
}
