package io.diffyne.transport.http;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ResponseWriter;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Failure responses written by this transport itself (the runtime writes its own): the protocol's failure shape,
 * {@code {"s":false,"error":"Body is over the 1048576-byte limit","type":"payload_too_large"}}.
 */
final class ErrorBody {

    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private ErrorBody() {
    }

    /** The JSON text of a failure, written by the protocol's own writer so both transports say it alike. */
    static String json(ErrorType type, String message, String requestId) {
        return ResponseWriter.failure(type, message).finish(requestId);
    }

    /** A response with the error type's own status. */
    static Response response(ErrorType type, String message) {
        return response(type.httpStatus(), type, message);
    }

    /** A response with an explicit status (Jakarta REST errors such as 405 that have no protocol type of their own). */
    static Response response(int status, ErrorType type, String message) {
        return Response.status(status).type(JSON).entity(json(type, message, null)).build();
    }
}
