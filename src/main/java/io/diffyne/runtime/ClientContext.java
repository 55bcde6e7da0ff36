package io.diffyne.runtime;

/**
 * Who is asking, and over what: built by a transport for each request.
 *
 * @param clientId  the transport's client identity (WebSocket client id, or the AJAX client's id header); never null
 * @param principal the authenticated user's name, or null when anonymous (snapshots are bound to it)
 * @param channel   the transport the request came on
 * @param live      the connection's live components (WebSocket), or null (AJAX)
 */
public record ClientContext(String clientId, String principal, Channel channel, LiveComponents live) {

    public boolean webSocket() {
        return channel == Channel.WEBSOCKET;
    }
}
