package io.diffyne.state;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;

/**
 * A record's components and canonical constructor, cached per class, so records are built directly with exact error
 * paths. A record carrying JSON-B annotations ({@code @JsonbProperty}…) is left to JSON-B ({@link #of} returns
 * {@code null}) so that reading agrees with how JSON-B wrote it.
 */
final class RecordShape {

    private static final ClassValue<RecordShape> CACHE = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return jsonbAnnotated(type) ? null : new RecordShape(type);
        }
    };

    final String[] names;
    final Type[] types;
    final Class<?>[] rawTypes;
    final Map<String, Integer> index = new HashMap<>();
    final MethodHandle constructor;
    /** Accessors typed {@code (Object)Object}, for writing records without JSON-B. */
    final MethodHandle[] accessors;

    private RecordShape(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        names = new String[components.length];
        types = new Type[components.length];
        rawTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i] = components[i].getName();
            types[i] = components[i].getGenericType();
            rawTypes[i] = components[i].getType();
            index.put(names[i], i);
        }
        accessors = new MethodHandle[components.length];
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            constructor = lookup.unreflectConstructor(type.getDeclaredConstructor(rawTypes))
                    .asSpreader(Object[].class, components.length);
            for (int i = 0; i < components.length; i++) {
                accessors[i] = lookup.unreflect(components[i].getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
            }
        } catch (ReflectiveOperationException | SecurityException e) {
            throw new StateException("Cannot access the canonical constructor of record " + type.getName(), e);
        }
    }

    /** The shape of a record class, or {@code null} when JSON-B must handle it. */
    static RecordShape of(Class<?> recordClass) {
        return CACHE.get(recordClass);
    }

    private static boolean jsonbAnnotated(Class<?> type) {
        if (hasJsonb(type)) {
            return true;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if (hasJsonb(c) || c.getAccessor() != null && hasJsonb(c.getAccessor())) {
                return true;
            }
        }
        try {
            for (var f : type.getDeclaredFields()) {
                if (hasJsonb(f)) {
                    return true;
                }
            }
        } catch (SecurityException e) {
            return true;
        }
        return false;
    }

    private static boolean hasJsonb(AnnotatedElement e) {
        for (Annotation a : e.getAnnotations()) {
            if (a.annotationType().getName().startsWith("jakarta.json.bind.annotation.")) {
                return true;
            }
        }
        return false;
    }
}
