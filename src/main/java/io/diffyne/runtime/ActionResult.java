package io.diffyne.runtime;

import io.diffyne.protocol.ErrorType;

/**
 * The outcome of one action, already written as its compact JSON response (docs/protocol.md §4), including the
 * request's {@code requestId}.
 *
 * @param error null on success, otherwise the failure's type
 * @param json  the response body
 */
public record ActionResult(ErrorType error, String json) {

    public boolean success() {
        return error == null;
    }

    /** The HTTP status the AJAX transport answers with. */
    public int httpStatus() {
        return error == null ? 200 : error.httpStatus();
    }
}
