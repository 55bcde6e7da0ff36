package io.diffyne.transport.http;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.protocol.RequestReader;

import jakarta.json.JsonStructure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;

/**
 * The JSON body of a POST: refused with 415 unless declared as JSON (which also means a cross-site HTML form, whose
 * types are form or text, can never post one without a CORS preflight), read with a byte limit, then parsed.
 */
final class JsonBody {

    private JsonBody() {
    }

    static JsonStructure read(HttpHeaders headers, InputStream in, int limit) throws IOException {
        return read(headers.getMediaType(), headers.getLength(), in, limit);
    }

    /** As above, the type and length from the servlet request: a type that does not parse is not JSON (415). */
    static JsonStructure read(HttpServletRequest request, InputStream in, int limit) throws IOException {
        return read(mediaType(request.getContentType()), request.getContentLengthLong(), in, limit);
    }

    /** {@code type} as the Jakarta REST runtime parses it; null when absent or when it does not parse. */
    static MediaType mediaType(String type) {
        try {
            return type == null ? null : MediaType.valueOf(type);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    static JsonStructure read(MediaType type, long declaredLength, InputStream in, int limit) throws IOException {
        requireJson(type);
        return RequestReader.parse(BoundedBody.readUtf8(in, declaredLength, limit));
    }

    static void requireJson(MediaType type) {
        if (type == null || !isJson(type)) {
            throw new ProtocolException(ErrorType.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as Content-Type: application/json");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new ProtocolException(ErrorType.UNSUPPORTED_MEDIA_TYPE, "JSON bodies must be UTF-8");
        }
    }

    private static boolean isJson(MediaType type) {
        return type.getType().equalsIgnoreCase("application")
                && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json"));
    }
}
