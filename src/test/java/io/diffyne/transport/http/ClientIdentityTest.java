package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.diffyne.config.TrustedProxies;

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

    private static String address(String trusted, String peer, String forwardedFor) {
        return ClientIdentity.remoteAddress(servlet(peer, forwardedFor), TrustedProxies.parse(trusted));
    }

    @Test
    void byDefaultOnlyALoopbackProxyMayNameTheClient() {
        String loopback = TrustedProxies.DEFAULT;
        assertEquals("203.0.113.9", address(loopback, "127.0.0.1", "1.2.3.4, 203.0.113.9"));
        assertEquals("203.0.113.9", address(loopback, "0:0:0:0:0:0:0:1", "203.0.113.9"));
        // a neighbour on the private network is no proxy unless listed: its claim is ignored
        assertEquals("10.1.2.3", address(loopback, "10.1.2.3", "203.0.113.9"));
        assertEquals("192.168.0.2", address(loopback, "192.168.0.2", "2001:db8::1"));
        assertEquals("198.51.100.1", address(loopback, "198.51.100.1", "203.0.113.9"));
        assertEquals("127.0.0.1", address(loopback, "127.0.0.1", "evil.example"));
        assertEquals("127.0.0.1", address(loopback, "127.0.0.1", null));
        assertEquals("unknown", ClientIdentity.remoteAddress(null, TrustedProxies.parse(loopback)));
    }

    @Test
    void behindAChainOfTrustedProxiesTheRightmostUntrustedHopCounts() {
        String chain = "127.0.0.1,10.0.0.0/8,2001:db8:1::/48";
        assertEquals("203.0.113.9", address(chain, "10.0.0.5", "6.6.6.6, 203.0.113.9, 10.0.0.7, 127.0.0.1"));
        assertEquals("10.0.0.9", address(chain, "10.0.0.5", "10.0.0.9, 10.0.0.7"), "all trusted: the farthest");
        assertEquals("10.0.0.7", address(chain, "10.0.0.5", "junk, 10.0.0.7"), "malformed: the hop after it");
        assertEquals("2001:db8::5", address(chain, "2001:db8:1::2", "2001:db8::5"));
        assertEquals("10.0.0.5", address("", "10.0.0.5", "203.0.113.9"), "empty setting: nobody is trusted");
    }

    /** A request from {@code user} (null: anonymous) holding {@code roles}, as the container answers for it. */
    private static HttpServletRequest signedIn(String user, java.util.Set<String> roles) {
        return (HttpServletRequest) Proxy.newProxyInstance(ClientIdentityTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "getHeader" -> null;
                    case "getUserPrincipal" -> user == null ? null : (java.security.Principal) () -> user;
                    case "isUserInRole" -> user != null && roles.contains((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static jakarta.ws.rs.core.HttpHeaders noHeaders() {
        return (jakarta.ws.rs.core.HttpHeaders) Proxy.newProxyInstance(ClientIdentityTest.class.getClassLoader(),
                new Class<?>[] {jakarta.ws.rs.core.HttpHeaders.class}, (proxy, method, args) -> null);
    }

    @Test
    void anAjaxRequestCarriesTheDeclaredRolesItsUserHolds() {
        var declared = java.util.Set.of("admin", "owner");
        var ada = ClientIdentity.of(noHeaders(), null, signedIn("ada", java.util.Set.of("admin", "other")),
                TrustedProxies.parse(TrustedProxies.DEFAULT), declared);
        assertEquals("ada", ada.principal());
        assertEquals(java.util.Set.of("admin"), ada.roles());
        var anonymous = ClientIdentity.of(noHeaders(), null, signedIn(null, declared),
                TrustedProxies.parse(TrustedProxies.DEFAULT), declared);
        assertEquals(java.util.Set.of(), anonymous.roles());
    }
}
