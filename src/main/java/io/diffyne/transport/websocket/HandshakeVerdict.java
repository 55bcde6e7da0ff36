package io.diffyne.transport.websocket;

/**
 * The guard's decision on one upgrade request.
 *
 * @param allowed    whether the upgrade may proceed
 * @param reason     why it was refused (safe to log and to show the client; never contains the credential)
 * @param credential how the client proved itself, when allowed
 * @param principal  the user the connection acts for (from the token, else the container), or null
 */
record HandshakeVerdict(boolean allowed, String reason, Credential credential, String principal) {

    enum Credential { KEY, TOKEN }

    static HandshakeVerdict allow(Credential credential, String principal) {
        return new HandshakeVerdict(true, null, credential, principal);
    }

    static HandshakeVerdict refuse(String reason) {
        return new HandshakeVerdict(false, reason, null, null);
    }
}
