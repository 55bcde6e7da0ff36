package io.diffyne.transport.http;

import io.diffyne.config.TrustedProxies;
import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.runtime.Channel;
import io.diffyne.runtime.ClientContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who an AJAX request comes from: the page's client id ({@code X-Diffyne-Client}, which the client also uses on
 * WebSocket, so both transports name it alike) or, for clients that send none, the remote address; plus the
 * authenticated principal, to which the runtime binds snapshots.
 */
final class ClientIdentity {

    static final String CLIENT_HEADER = "X-Diffyne-Client";
    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private ClientIdentity() {
    }

    /** The context for the runtime; 400 {@code bad_request} when the client header is present but malformed. */
    static ClientContext of(HttpHeaders headers, SecurityContext security, HttpServletRequest request,
                            TrustedProxies proxies) {
        return of(headers, security, request, proxies, Set.of());
    }

    /** As above, with the roles of {@code declared} the user holds on this request. */
    static ClientContext of(HttpHeaders headers, SecurityContext security, HttpServletRequest request,
                            TrustedProxies proxies, Set<String> declared) {
        String principal = principal(security, request);
        Set<String> roles = principal == null ? Set.of() : ClientContext.held(declared, role ->
                (security != null && security.isUserInRole(role)) || (request != null && request.isUserInRole(role)));
        return of(headers.getHeaderString(CLIENT_HEADER), principal, remoteAddress(request, proxies), roles);
    }

    /** As above, from the servlet request alone (its principal and roles are the container's). */
    static ClientContext of(HttpServletRequest request, TrustedProxies proxies, Set<String> declared) {
        Principal user = request.getUserPrincipal();
        String principal = user == null ? null : user.getName();
        Set<String> roles = principal == null ? Set.of() : ClientContext.held(declared, request::isUserInRole);
        return of(request.getHeader(CLIENT_HEADER), principal, remoteAddress(request, proxies), roles);
    }

    static ClientContext of(String clientHeader, String principal, String remoteAddress) {
        return of(clientHeader, principal, remoteAddress, Set.of());
    }

    static ClientContext of(String clientHeader, String principal, String remoteAddress, Set<String> roles) {
        String clientId;
        if (clientHeader == null) {
            clientId = remoteAddress;
        } else if (CLIENT_ID.matcher(clientHeader).matches()) {
            clientId = clientHeader;
        } else {
            throw new ProtocolException(ErrorType.BAD_REQUEST,
                    CLIENT_HEADER + " must be 8 to 64 characters of letters, digits, '_' or '-'");
        }
        return new ClientContext(clientId, principal, Channel.AJAX, null, roles);
    }

    /**
     * The address the rate limit counts against: the peer's, or, when the peer is one of
     * {@code DIFFYNE_TRUSTED_PROXIES}, the rightmost {@code X-Forwarded-For} hop that is not (see
     * {@link TrustedProxies#clientAddress}). "unknown" outside a servlet container.
     */
    static String remoteAddress(HttpServletRequest request, TrustedProxies proxies) {
        String peer = request == null ? null : request.getRemoteAddr();
        return remoteAddress(peer, peer == null || peer.isEmpty() ? null : request.getHeader(FORWARDED_FOR), proxies);
    }

    /** As above, from the peer's address and the first {@code X-Forwarded-For} value (null when none). */
    static String remoteAddress(String peer, String forwardedFor, TrustedProxies proxies) {
        if (peer == null || peer.isEmpty()) {
            return "unknown";
        }
        return proxies.clientAddress(peer, forwardedFor);
    }

    /** The authenticated user's name, or null when anonymous. */
    static String principal(SecurityContext security, HttpServletRequest request) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal == null && request != null) {
            principal = request.getUserPrincipal();
        }
        return principal == null ? null : principal.getName();
    }
}
