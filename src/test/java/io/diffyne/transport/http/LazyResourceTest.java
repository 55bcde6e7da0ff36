package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.diffyne.config.DiffyneConfig;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LazyResourceTest {

    final FakeRuntime runtime = new FakeRuntime();
    final DiffyneConfig config = InProcessRest.config(Map.of());
    final InProcessRest rest = new InProcessRest(new LazyResource(runtime, config), new FailureMapper(config));

    @Test
    void aTicketMountsTheComponent() {
        InProcessRest.Reply reply = rest.post("lazy", "application/json", "{\"ticket\":\"T1\"}",
                "X-Diffyne-Client", "tab-12345678");
        assertEquals(200, reply.status());
        assertEquals("{\"s\":true,\"id\":\"q3Xv9Tz0bA1c\",\"html\":\"<div diff:id=\\\"q3Xv9Tz0bA1c\\\">T1</div>\","
                + "\"listeners\":[\"deleted\",\"saved\"]}", reply.body());
        assertEquals("tab-12345678", runtime.clients.get(0).clientId());
    }

    @Test
    void aRefusedTicketKeepsTheRuntimesStatus() {
        InProcessRest.Reply reply = rest.post("lazy", "application/json", "{\"ticket\":\"bad\"}");
        assertEquals(403, reply.status());
        assertEquals("{\"s\":false,\"error\":\"Invalid lazy ticket\",\"type\":\"security_error\"}", reply.body());
    }

    @Test
    void aMissingOrHugeTicketIs400() {
        String expected = "{\"s\":false,\"error\":\"Send {\\\"ticket\\\": \\\"…\\\"} with the diff:lazy value of the "
                + "placeholder\",\"type\":\"bad_request\"}";
        assertEquals(expected, rest.post("lazy", "application/json", "{}").body());
        assertEquals(expected, rest.post("lazy", "application/json", "{\"ticket\":7}").body());
        assertEquals(expected, rest.post("lazy", "application/json", "[\"x\"]").body());
        assertEquals(expected, rest.post("lazy", "application/json",
                "{\"ticket\":\"" + "a".repeat(LazyResource.MAX_TICKET + 1) + "\"}").body());
        assertEquals(415, rest.post("lazy", "text/plain", "{\"ticket\":\"T1\"}").status());
        assertEquals(0, runtime.clients.size());
    }
}
