package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;

import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;

class ClientIdentityTest {

    static HttpServletRequest servlet(String peer, String forwardedFor) {
        return (HttpServletRequest) Proxy.newProxyInstance(ClientIdentityTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeader" -> "X-Forwarded-For".equals(args[0]) ? forwardedFor : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theProxyAppendedAddressCountsOnlyBehindALocalProxy() {
        assertEquals("203.0.113.9", ClientIdentity.remoteAddress(servlet("127.0.0.1", "1.2.3.4, 203.0.113.9")));
        assertEquals("203.0.113.9", ClientIdentity.remoteAddress(servlet("10.1.2.3", "203.0.113.9")));
        assertEquals("2001:db8::1", ClientIdentity.remoteAddress(servlet("192.168.0.2", "2001:db8::1")));
        assertEquals("198.51.100.1", ClientIdentity.remoteAddress(servlet("198.51.100.1", "203.0.113.9")));
        assertEquals("127.0.0.1", ClientIdentity.remoteAddress(servlet("127.0.0.1", "evil.example")));
        assertEquals("127.0.0.1", ClientIdentity.remoteAddress(servlet("127.0.0.1", null)));
        assertEquals("unknown", ClientIdentity.remoteAddress(null));
    }
}
