package io.diffyne.component.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Validation messages of one component for one request, by field, in the order they were recorded.
 * Sent as {@code c.e} (or {@code errors} of a {@code validation_error}) and given to the template as {@code errors}:
 * <pre>{"email":["must be a well-formed email address"],"name":["must not be blank","size must be between 3 and 40"]}</pre>
 * Not thread-safe: a request runs on one thread.
 */
public final class ErrorBag {

    private final Map<String, List<String>> messages = new LinkedHashMap<>();
    private final Map<String, List<String>> view = Collections.unmodifiableMap(messages);

    /** Appends {@code message} to {@code field}'s messages. */
    public void add(String field, String message) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        List<String> old = messages.getOrDefault(field, List.of());
        messages.put(field, Stream.concat(old.stream(), Stream.of(message)).toList());
    }

    /** Replaces every message of every field with {@code errors} (a copy is kept). */
    public void replaceAll(Map<String, List<String>> errors) {
        messages.clear();
        errors.forEach((field, list) -> messages.put(field, List.copyOf(list)));
    }

    /** Removes the messages of the named fields, or of all fields when none is named. */
    public void clear(String... fields) {
        if (fields.length == 0) {
            messages.clear();
        } else {
            for (String f : fields) {
                messages.remove(f);
            }
        }
    }

    /** The first message of {@code field}, or {@code null}. */
    public String first(String field) {
        List<String> list = messages.get(field);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /** A live, unmodifiable view: field → unmodifiable list of messages, in recording order. */
    public Map<String, List<String>> asMap() {
        return view;
    }

    @Override
    public String toString() {
        return messages.toString();
    }
}
