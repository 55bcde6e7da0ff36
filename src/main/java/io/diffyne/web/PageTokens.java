package io.diffyne.web;

/**
 * Issues the short-lived WebSocket handshake token a page embeds instead of the raw key. Implemented by the WebSocket
 * transport.
 */
public interface PageTokens {

    /** A token and when it expires. */
    record Token(String value, long expiresAtMillis) {
        /** Never prints the token itself. */
        @Override
        public String toString() {
            return "Token[expiresAtMillis=" + expiresAtMillis + "]";
        }
    }

    /** A token for a page viewed by {@code principal} (null when anonymous). */
    Token issue(String principal);
}
