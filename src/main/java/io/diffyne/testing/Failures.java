package io.diffyne.testing;

import io.diffyne.state.CanonicalJson;
import io.diffyne.state.StateSerializer;

import jakarta.json.JsonValue;

import org.opentest4j.AssertionFailedError;

/** How the kit fails a check: an {@link AssertionFailedError}, with expected and actual values where there are two. */
final class Failures {

    private Failures() {
    }

    static AssertionFailedError fail(String message) {
        return new AssertionFailedError(message);
    }

    static AssertionFailedError fail(String message, Throwable cause) {
        return new AssertionFailedError(message, cause);
    }

    static AssertionFailedError mismatch(String message, Object expected, Object actual) {
        return new AssertionFailedError(message + " ==> expected: <" + expected + "> but was: <" + actual + ">",
                expected, actual);
    }

    /** A Java value as the state and the wire carry it: canonical JSON ({@code 2} and {@code 2.0} are the same). */
    static String json(Object value) {
        JsonValue json = value instanceof JsonValue v ? v : StateSerializer.toJson(value);
        return CanonicalJson.write(json);
    }
}
