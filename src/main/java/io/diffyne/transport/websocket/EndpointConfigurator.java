package io.diffyne.transport.websocket;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import io.diffyne.runtime.ClientContext;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * The endpoint's configurator: validates the handshake again (defence in depth behind {@link HandshakeFilter}),
 * hands the verdict (client identity, principal) to the session through the per-connection user properties
 * (WebSocket 2.1 copies them into the session), and hands every connection the one {@link DiffyneEndpoint}, built
 * with its CDI bean by {@link WebSocketDeployment} (Tomcat with Weld does not inject into endpoints by itself).
 */
final class EndpointConfigurator extends ServerEndpointConfig.Configurator {

    private final HandshakeGuard guard;
    private final DiffyneEndpoint endpoint;
    private final Set<String> declaredRoles;

    /** @param declaredRoles the roles components ask about: which the user holds is read here, at the upgrade */
    EndpointConfigurator(HandshakeGuard guard, DiffyneEndpoint endpoint, Set<String> declaredRoles) {
        this.guard = guard;
        this.endpoint = endpoint;
        this.declaredRoles = Set.copyOf(declaredRoles);
    }

    /**
     * Origin is judged in {@link #modifyHandshake} together with the credential and the Host header, which this
     * method does not see; {@link HandshakeFilter} has already answered 403 to a foreign Origin.
     */
    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return true;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Principal principal = request.getUserPrincipal();
        HandshakeAttempt attempt = HandshakeAttempt.fromHandshake(request.getHeaders(), request.getParameterMap(),
                principal == null ? null : principal.getName(), "(address not visible to the configurator)");
        // a refusal here cannot answer 403 portably (an exception gives 500): the endpoint closes with 1008 instead
        HandshakeVerdict verdict = guard.check(attempt);
        config.getUserProperties().put(SocketSessions.VERDICT, verdict);
        // roles only for the user the container authenticated on this upgrade (a token alone proves a name, not roles)
        Set<String> roles = verdict.allowed() && principal != null && Objects.equals(verdict.principal(), principal.getName())
                ? ClientContext.held(declaredRoles, request::isUserInRole) : Set.of();
        config.getUserProperties().put(SocketSessions.ROLES, roles);
        ConnectionQuota.Slot slot = ConnectionQuota.takeHandedOver();
        if (slot != null) {
            config.getUserProperties().put(SocketSessions.SLOT, slot);
        }
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(endpoint);
    }
}
