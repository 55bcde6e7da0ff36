package io.diffyne.transport.http;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.protocol.RequestReader;
import io.diffyne.protocol.ResponseWriter;

import jakarta.json.JsonArray;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.StringJoiner;

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

    /** The JSON text of a refusal, with the refused request's requestId when it is known. */
    static String json(ProtocolException refused) {
        return json(refused.type(), refused.getMessage(), refused.requestId());
    }

    /**
     * The JSON text refusing a whole body without reading its actions: for one action (an object) its failure with
     * its requestId, for a batch (an array) an array of that failure, one per action with its requestId.
     */
    static String refusal(ErrorType type, String message, JsonStructure body) {
        if (!(body instanceof JsonArray batch)) {
            return json(type, message, RequestReader.requestIdOf(body));
        }
        StringJoiner failures = new StringJoiner(",", "[", "]");
        for (JsonValue action : batch) {
            failures.add(json(type, message, RequestReader.requestIdOf(action)));
        }
        return failures.toString();
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
