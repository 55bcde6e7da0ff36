package io.diffyne.transport.websocket;

/**
 * A short-lived handshake token as a page receives it (bootstrap config, or {@code POST <ctx>/_diffyne/token}):
 * <pre>{"token":"v1.1763769000000.YWRh.Qm9yZ…43 chars","tokenExpires":1763769000000}</pre>
 *
 * @param token        the token, passed as the query parameter {@code token} of the WebSocket URL
 * @param tokenExpires when it stops being accepted, epoch milliseconds
 */
public record HandshakeToken(String token, long tokenExpires) {

    /** Never prints the token itself. */
    @Override
    public String toString() {
        return "HandshakeToken[expires=" + tokenExpires + "]";
    }
}
