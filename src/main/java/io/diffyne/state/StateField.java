package io.diffyne.state;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * One state field of a component class, with pre-bound accessors (method handles resolved once per class).
 * Read with {@link #get(Object)}, write with {@link #set(Object, Object)}; values are boxed.
 */
public final class StateField {

    private final String name;
    private final Field field;
    private final boolean locked;
    private final QueryParam queryParam;
    private final MethodHandle getter;
    private final MethodHandle setter;

    StateField(Field field, boolean locked, QueryParam queryParam, MethodHandle getter, MethodHandle setter) {
        this.name = field.getName();
        this.field = field;
        this.locked = locked;
        this.queryParam = queryParam;
        this.getter = getter;
        this.setter = setter;
    }

    /** The state key: the Java field name. */
    public String name() {
        return name;
    }

    /** The declared generic type, e.g. {@code List<Item>}. */
    public Type type() {
        return field.getGenericType();
    }

    public Class<?> rawType() {
        return field.getType();
    }

    public Class<?> declaringClass() {
        return field.getDeclaringClass();
    }

    /** {@code @Locked}: a client update naming this field must be refused. */
    public boolean locked() {
        return locked;
    }

    /** Present when the field carries {@code @QueryString}. */
    public Optional<QueryParam> queryParam() {
        return Optional.ofNullable(queryParam);
    }

    /** The reflective field, for annotation lookups (Bean Validation, custom metadata). */
    public Field field() {
        return field;
    }

    public Object get(Object component) {
        try {
            return (Object) getter.invokeExact(component);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new StateException("Cannot read state field '" + name + "'", t);
        }
    }

    /**
     * Writes an already coerced value. A {@code null} into a primitive field, or a value of the wrong class, is a
     * {@link StateException}: callers coerce with {@link ValueCoercer} first.
     */
    public void set(Object component, Object value) {
        if (value == null && field.getType().isPrimitive()) {
            throw new StateException("State field '" + name + "' is primitive and cannot be null");
        }
        try {
            setter.invokeExact(component, value);
        } catch (ClassCastException e) {
            throw new StateException("State field '" + name + "' cannot hold a " + value.getClass().getName(), e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new StateException("Cannot write state field '" + name + "'", t);
        }
    }

    /**
     * Converts a client value to this field's type (a property update), errors naming the field:
     * {@code items[3].qty: expected an integer, got a fraction}. Does not check {@link #locked()}: the caller decides
     * whether the client may write this field at all.
     */
    public Object coerce(jakarta.json.JsonValue value) {
        return ValueCoercer.coerce(value, field.getGenericType(), name);
    }

    @Override
    public String toString() {
        return name + ": " + type().getTypeName() + (locked ? " @Locked" : "");
    }
}
