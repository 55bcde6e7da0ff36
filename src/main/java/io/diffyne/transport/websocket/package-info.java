/**
 * The WebSocket transport: endpoint registration at {@code DIFFYNE_WS_PATH}, the handshake guard (key, token,
 * Origin) used by both a servlet filter and the endpoint's configurator, the per-connection session state (live
 * components, rate limit, bounded send queue) and the delivery of broadcasts to connected clients. Thin: it parses
 * envelopes and hands requests to {@link io.diffyne.runtime.DiffyneRuntime}.
 * Depends on {@code runtime}, {@code protocol}, {@code config} and {@code broadcast}.
 */
package io.diffyne.transport.websocket;
