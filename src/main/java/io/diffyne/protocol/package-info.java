/**
 * The wire protocol: request and response messages, their compact JSON, error types, and the WebSocket envelope
 * (see {@code docs/protocol.md}). Names here are mirrored 1:1 by the client's {@code constants.js}.
 * May depend on {@code vdom}, {@code diff}, {@code state} and JSON-P; never on a transport.
 */
package io.diffyne.protocol;
