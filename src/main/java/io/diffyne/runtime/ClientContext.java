package io.diffyne.runtime;

import io.diffyne.component.Caller;

import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Who is asking, and over what: built by a transport for each request.
 *
 * @param clientId  the transport's client identity (WebSocket client id, or the AJAX client's id header); never null
 * @param principal the authenticated user's name, or null when anonymous (snapshots are bound to it)
 * @param channel   the transport the request came on
 * @param live      the connection's live components (WebSocket), or null (AJAX)
 * @param roles     the declared roles ({@link DiffyneRuntime#declaredRoles()}) the principal holds; empty when anonymous
 * @param protocol  the protocol version the client speaks (docs/protocol.md: 3 gets patches in the compact form of §5)
 */
public record ClientContext(String clientId, String principal, Channel channel, LiveComponents live, Set<String> roles,
                            int protocol) {

    /** The protocol version from which answers carry patches in the compact form (docs/protocol.md §5, v3). */
    public static final int COMPACT_PATCHES = 3;

    public ClientContext {
        roles = principal == null ? Set.of() : Set.copyOf(roles);
    }

    /** Speaking protocol v1 (what AJAX and the page's own render answer in). */
    public ClientContext(String clientId, String principal, Channel channel, LiveComponents live, Set<String> roles) {
        this(clientId, principal, channel, live, roles, 1);
    }

    /** This context for a client speaking {@code version}. */
    public ClientContext withProtocol(int version) {
        return new ClientContext(clientId, principal, channel, live, roles, version);
    }

    /** Whether answers to this client carry patches in the compact form of protocol v3. */
    public boolean compactPatches() {
        return protocol >= COMPACT_PATCHES;
    }

    /** Without roles. */
    public ClientContext(String clientId, String principal, Channel channel, LiveComponents live) {
        this(clientId, principal, channel, live, Set.of());
    }

    /** The roles of {@code declared} that {@code isUserInRole} (the container's answer for this request) says are held. */
    public static Set<String> held(Set<String> declared, Predicate<String> isUserInRole) {
        return declared.stream().filter(isUserInRole).collect(Collectors.toUnmodifiableSet());
    }

    /** The caller as components see it. */
    public Caller caller() {
        return Caller.of(principal, roles);
    }

    public boolean webSocket() {
        return channel == Channel.WEBSOCKET;
    }
}
