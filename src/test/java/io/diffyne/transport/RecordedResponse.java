package io.diffyne.transport;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A servlet response for filter tests: records what a filter sets (status, content type, encoding and length under
 * their setter's name, each header under its own name) and the body it writes. Any other call fails the test.
 */
public final class RecordedResponse {

    private final Map<String, Object> set = new HashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final HttpServletResponse response;

    public RecordedResponse() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("setWriteListener");
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        };
        response = (HttpServletResponse) Proxy.newProxyInstance(RecordedResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getOutputStream" -> out;
                    case "setStatus", "setContentType", "setCharacterEncoding", "setContentLength" -> {
                        set.put(method.getName(), args[0]);
                        yield null;
                    }
                    case "setHeader" -> {
                        set.put((String) args[0], args[1]);
                        yield null;
                    }
                    case "getStatus" -> set.getOrDefault("setStatus", 200);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The response to hand to the filter. */
    public HttpServletResponse response() {
        return response;
    }

    /** What was set: {@code setStatus}, {@code setContentType}, … by setter, headers by name. */
    public Map<String, Object> set() {
        return set;
    }

    /** The value set under {@code key} (a setter's or a header's name), or null. */
    public Object get(String key) {
        return set.get(key);
    }

    /** Forgets what was set and written, for the next call. */
    public void reset() {
        set.clear();
        body.reset();
    }

    /** The body written, as UTF-8. */
    public String body() {
        return body.toString(StandardCharsets.UTF_8);
    }
}
