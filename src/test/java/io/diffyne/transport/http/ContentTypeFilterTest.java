package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.transport.RecordedResponse;
import jakarta.servlet.http.HttpServletRequest;

import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;

class ContentTypeFilterTest {

    /** What the filter did to one request: passed it on, or answered it. */
    static final class Outcome {
        boolean passed;
        final RecordedResponse response = new RecordedResponse();
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
        new ContentTypeFilter().doFilter(request, outcome.response.response(), (req, res) -> outcome.passed = true);
        return outcome;
    }

    @Test
    void aTypeThatDoesNotParseIsAJson400AndGoesNoFurther() throws Exception {
        for (String type : new String[] {"application/json; charset", "application/json; a=\"b"}) {
            Outcome outcome = filter(type);
            assertFalse(outcome.passed, type);
            assertEquals(400, outcome.response.get("setStatus"), type);
            assertEquals("application/json", outcome.response.get("setContentType"));
            assertEquals("UTF-8", outcome.response.get("setCharacterEncoding"));
            String body = outcome.response.body();
            assertEquals("{\"s\":false,\"error\":\"Malformed Content-Type header: send application/json\","
                    + "\"type\":\"bad_request\"}", body);
            assertEquals(body.length(), outcome.response.get("setContentLength"));
        }
    }

    @Test
    void everyTypeThatParsesAndNoTypeAtAllPassUntouched() throws Exception {
        // the resource decides what it takes (415 for anything but JSON); this filter only refuses what cannot be read
        for (String type : new String[] {null, "application/json", "application/json; charset=utf-8", "text/plain",
                "multipart/form-data; boundary=x"}) {
            Outcome outcome = filter(type);
            assertTrue(outcome.passed, type);
            assertTrue(outcome.response.set().isEmpty(), type);
            assertEquals("", outcome.response.body(), type);
        }
    }
}
