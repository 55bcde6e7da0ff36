package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ContentTypeFilterTest {

    /** What the filter did to one request: passed it on, or answered it. */
    static final class Outcome {
        boolean passed;
        final Map<String, Object> set = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
    }

    static Outcome filter(String contentType) throws Exception {
        Outcome outcome = new Outcome();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                ContentTypeFilterTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getContentType")) {
                        return contentType;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
                outcome.body.write(b);
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                ContentTypeFilterTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOutputStream" -> out;
                    case "setStatus", "setContentType", "setCharacterEncoding", "setContentLength" -> {
                        outcome.set.put(method.getName(), args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        new ContentTypeFilter().doFilter(request, response, (req, res) -> outcome.passed = true);
        return outcome;
    }

    @Test
    void aTypeThatDoesNotParseIsAJson400AndGoesNoFurther() throws Exception {
        for (String type : new String[] {"application/json; charset", "application/json; a=\"b"}) {
            Outcome outcome = filter(type);
            assertFalse(outcome.passed, type);
            assertEquals(400, outcome.set.get("setStatus"), type);
            assertEquals("application/json", outcome.set.get("setContentType"));
            assertEquals("UTF-8", outcome.set.get("setCharacterEncoding"));
            String body = outcome.body.toString(StandardCharsets.UTF_8);
            assertEquals("{\"s\":false,\"error\":\"Malformed Content-Type header: send application/json\","
                    + "\"type\":\"bad_request\"}", body);
            assertEquals(body.length(), outcome.set.get("setContentLength"));
        }
    }

    @Test
    void everyTypeThatParsesAndNoTypeAtAllPassUntouched() throws Exception {
        // the resource decides what it takes (415 for anything but JSON); this filter only refuses what cannot be read
        for (String type : new String[] {null, "application/json", "application/json; charset=utf-8", "text/plain",
                "multipart/form-data; boundary=x"}) {
            Outcome outcome = filter(type);
            assertTrue(outcome.passed, type);
            assertTrue(outcome.set.isEmpty(), type);
            assertEquals(0, outcome.body.size(), type);
        }
    }
}
