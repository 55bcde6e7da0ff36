package io.diffyne.runtime;

/**
 * Injectable view of the WebSocket connections ({@code @Inject ConnectionStatus status}): how many are open and
 * whether a given client is connected. The WebSocket transport provides the implementation.
 */
public interface ConnectionStatus {

    /** Open WebSocket connections on this instance. */
    int openConnections();

    /** Whether the client with this id has an open WebSocket connection on this instance. */
    boolean isConnected(String clientId);
}
