package io.diffyne.transport.http;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.runtime.Channel;
import io.diffyne.runtime.ClientContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Principal;
import java.util.regex.Pattern;

/**
 * Who an AJAX request comes from: the page's client id ({@code X-Diffyne-Client}, which the client also uses on
 * WebSocket, so both transports name it alike) or, for clients that send none, the remote address; plus the
 * authenticated principal, to which the runtime binds snapshots.
 */
final class ClientIdentity {

    static final String CLIENT_HEADER = "X-Diffyne-Client";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    /** An IPv4 or IPv6 literal, never a host name (which would need a lookup). */
    private static final Pattern FORWARDED_ADDRESS = Pattern.compile("[0-9.]{7,15}|[0-9A-Fa-f:.]{2,45}");

    private ClientIdentity() {
    }

    /** The context for the runtime; 400 {@code bad_request} when the client header is present but malformed. */
    static ClientContext of(HttpHeaders headers, SecurityContext security, HttpServletRequest request) {
        return of(headers.getHeaderString(CLIENT_HEADER), principal(security, request), remoteAddress(request));
    }

    static ClientContext of(String clientHeader, String principal, String remoteAddress) {
        String clientId;
        if (clientHeader == null) {
            clientId = remoteAddress;
        } else if (CLIENT_ID.matcher(clientHeader).matches()) {
            clientId = clientHeader;
        } else {
            throw new ProtocolException(ErrorType.BAD_REQUEST,
                    CLIENT_HEADER + " must be 8 to 64 characters of letters, digits, '_' or '-'");
        }
        return new ClientContext(clientId, principal, Channel.AJAX, null);
    }

    /**
     * The address the rate limit counts against: the peer's, or, when the peer is a reverse proxy on this host or
     * network (loopback or private address, as in the nginx setup), the client address that proxy appended last to
     * {@code X-Forwarded-For} (entries before it are the client's own claims and are ignored). "unknown" outside a
     * servlet container.
     */
    static String remoteAddress(HttpServletRequest request) {
        String peer = request == null ? null : request.getRemoteAddr();
        if (peer == null || peer.isEmpty()) {
            return "unknown";
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && isProxyAddress(peer)) {
            String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
            if (FORWARDED_ADDRESS.matcher(last).matches()) {
                return last;
            }
        }
        return peer;
    }

    private static boolean isProxyAddress(String address) {
        if (!FORWARDED_ADDRESS.matcher(address).matches()) {
            return false;
        }
        try {
            // a literal address: no name lookup happens
            InetAddress inet = InetAddress.getByName(address);
            return inet.isLoopbackAddress() || inet.isSiteLocalAddress() || inet.isLinkLocalAddress()
                    || (inet.getAddress().length == 16 && (inet.getAddress()[0] & 0xfe) == 0xfc);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String principal(SecurityContext security, HttpServletRequest request) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal == null && request != null) {
            principal = request.getUserPrincipal();
        }
        return principal == null ? null : principal.getName();
    }
}
