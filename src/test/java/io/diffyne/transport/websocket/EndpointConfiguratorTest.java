package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.net.URI;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The upgrade is where a WebSocket connection learns its user's roles: the container answers {@code isUserInRole} on
 * the {@code HandshakeRequest} for the roles components declare, for the user it authenticated on that request only.
 */
class EndpointConfiguratorTest {

    private final HandshakeTokens tokens = HandshakeTokensTest.tokens(HandshakeGuardTest.KEY, HandshakeTokensTest.NOW);
    private final EndpointConfigurator configurator = new EndpointConfigurator(
            new HandshakeGuard(HandshakeGuardTest.settings("*"), tokens), null, Set.of("admin", "owner"));

    /** A handshake with the page token of {@code tokenUser}, authenticated by the container as {@code user}. */
    private Map<String, Object> upgrade(String tokenUser, String user, Set<String> containerRoles) {
        String token = tokens.issue(tokenUser).value();
        HandshakeRequest request = new HandshakeRequest() {
            @Override
            public Map<String, List<String>> getHeaders() {
                return Map.of("Origin", List.of("http://server.local:8080"), "Host", List.of("server.local:8080"));
            }

            @Override
            public Principal getUserPrincipal() {
                return user == null ? null : () -> user;
            }

            @Override
            public URI getRequestURI() {
                return URI.create("/diffyne?token=" + token);
            }

            @Override
            public boolean isUserInRole(String role) {
                return user != null && containerRoles.contains(role);
            }

            @Override
            public Object getHttpSession() {
                return null;
            }

            @Override
            public Map<String, List<String>> getParameterMap() {
                return Map.of("token", List.of(token));
            }

            @Override
            public String getQueryString() {
                return "token=" + token;
            }
        };
        ServerEndpointConfig config = new ServerEndpointConfig() {
            private final Map<String, Object> properties = new HashMap<>();

            @Override
            public Class<?> getEndpointClass() {
                return DiffyneEndpoint.class;
            }

            @Override
            public String getPath() {
                return "/diffyne";
            }

            @Override
            public List<String> getSubprotocols() {
                return List.of();
            }

            @Override
            public List<jakarta.websocket.Extension> getExtensions() {
                return List.of();
            }

            @Override
            public Configurator getConfigurator() {
                return configurator;
            }

            @Override
            public List<Class<? extends jakarta.websocket.Encoder>> getEncoders() {
                return List.of();
            }

            @Override
            public List<Class<? extends jakarta.websocket.Decoder>> getDecoders() {
                return List.of();
            }

            @Override
            public Map<String, Object> getUserProperties() {
                return properties;
            }
        };
        configurator.modifyHandshake(config, request, null);
        return config.getUserProperties();
    }

    @Test
    void theDeclaredRolesTheAuthenticatedUserHoldsAreCaptured() {
        Map<String, Object> properties = upgrade("ada", "ada", Set.of("admin", "unrelated"));
        assertTrue(((HandshakeVerdict) properties.get(SocketSessions.VERDICT)).allowed());
        assertEquals(Set.of("admin"), properties.get(SocketSessions.ROLES), "only declared roles are asked about");
    }

    @Test
    void aTokenWithoutTheContainersAuthenticationCarriesNoRoles() {
        Map<String, Object> properties = upgrade("ada", null, Set.of("admin"));
        assertEquals("ada", ((HandshakeVerdict) properties.get(SocketSessions.VERDICT)).principal());
        assertEquals(Set.of(), properties.get(SocketSessions.ROLES));
    }

    @Test
    void anAnonymousPageHasNoRoles() {
        assertEquals(Set.of(), upgrade(null, null, Set.of("admin")).get(SocketSessions.ROLES));
    }
}
