/**
 * The one facade the transports call: mount a component, handle an action (hydrate → invoke → render → diff → sign),
 * deliver events and broadcasts. Security checks (signature, invokable, locked, whose upload) live here.
 * Transport-agnostic: it never imports a transport; it announces broadcasts through CDI events that the transports
 * observe, and finds where uploads wait through {@link io.diffyne.runtime.UploadStorage}, which a transport implements.
 * Every handled action is recorded in {@link io.diffyne.metrics.Metrics} (a leaf package).
 */
package io.diffyne.runtime;
