/**
 * Health: {@code GET /health} (a servlet, outside the REST application) and {@code GET /_diffyne/health} (a Jakarta
 * REST resource) answer the same JSON, shaped like a MicroProfile Health response so load balancers and MicroProfile
 * readers understand it; 503 with {@code DOWN} while the application is starting or shutting down.
 * Depends on {@code config} and the {@code runtime.ConnectionStatus} interface only; nothing depends on it.
 */
package io.diffyne.health;
