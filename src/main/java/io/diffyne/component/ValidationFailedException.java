package io.diffyne.component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by {@link Component#validate()} when constraints fail (and throwable by application code for its own checks).
 * The runtime answers a {@code validation_error} carrying {@link #errors()}; the action's changes are not kept and the
 * client keeps what the user typed. Example errors: {@code {"email":["must be a well-formed email address"]}}.
 */
public class ValidationFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, List<String>> errors;

    /** @param errors field → messages, in display order (copied) */
    public ValidationFailedException(Map<String, List<String>> errors) {
        super("Validation failed");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        errors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        this.errors = java.util.Collections.unmodifiableMap(copy);
    }

    /** One message for one field: {@code throw ValidationFailedException.of("email", "is already registered")}. */
    public static ValidationFailedException of(String field, String message) {
        return new ValidationFailedException(Map.of(field, List.of(message)));
    }

    /** Field → messages, in display order. */
    public Map<String, List<String>> errors() {
        return errors;
    }

    // No stack trace: this is an expected outcome, not a bug, and it is thrown on every invalid form submit.
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
