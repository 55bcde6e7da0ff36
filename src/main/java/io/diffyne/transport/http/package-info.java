/**
 * The AJAX transport: Jakarta REST resources under {@code /_diffyne} (actions, lazy mounts, uploads, pushes), CORS
 * and error mapping. Thin: parses, authenticates, delegates to {@link io.diffyne.runtime.DiffyneRuntime}.
 * Depends on {@code runtime}, {@code protocol}, {@code config}.
 */
package io.diffyne.transport.http;
