package io.diffyne.component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups constraint violations by field in a stable order — Bean Validation returns a {@code Set}, but the first
 * message of a field is the one a page shows, so it must not change between runs. Fields come in declaration order
 * (superclass first, nested paths after their field); a field's messages in the order its constraint annotations are
 * written, so {@code @NotBlank @Email} reports "must not be blank" first. Class-level constraints have the key
 * {@code ""} (the empty property path).
 */
final class ViolationMessages {

    private ViolationMessages() {
    }

    static Map<String, List<String>> group(Class<?> type, Collection<? extends ConstraintViolation<?>> violations) {
        List<Field> fields = declaredFields(type);
        List<ConstraintViolation<?>> sorted = new ArrayList<>(violations);
        sorted.sort(Comparator.<ConstraintViolation<?>>comparingInt(v -> fieldIndex(fields, v))
                .thenComparing(v -> v.getPropertyPath().toString())
                .thenComparingInt(v -> annotationIndex(fields, v))
                .thenComparing(ConstraintViolation::getMessage));
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (ConstraintViolation<?> v : sorted) {
            String key = v.getPropertyPath().toString();
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(v.getMessage());
        }
        return grouped;
    }

    /** Every instance field of {@code type} and its superclasses, superclass first. */
    static List<Field> declaredFields(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : chain) {
            fields.addAll(Arrays.asList(c.getDeclaredFields()));
        }
        return fields;
    }

    private static String topName(ConstraintViolation<?> v) {
        for (Path.Node node : v.getPropertyPath()) {
            return node.getName();
        }
        return null;
    }

    private static int fieldIndex(List<Field> fields, ConstraintViolation<?> v) {
        String name = topName(v);
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).getName().equals(name)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static int annotationIndex(List<Field> fields, ConstraintViolation<?> v) {
        int at = fieldIndex(fields, v);
        if (at == Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        Annotation wanted = v.getConstraintDescriptor().getAnnotation();
        Annotation[] present = fields.get(at).getDeclaredAnnotations();
        for (int i = 0; i < present.length; i++) {
            if (present[i].equals(wanted)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
