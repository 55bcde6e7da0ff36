/**
 * The one facade the transports call: mount a component, handle an action (hydrate → invoke → render → diff → sign),
 * deliver events and broadcasts. Security checks (signature, invokable, locked) live here. Transport-agnostic: it
 * never imports a transport; it announces broadcasts through CDI events that the transports observe.
 */
package io.diffyne.runtime;
