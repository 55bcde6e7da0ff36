/**
 * The broadcast bus: numbers every {@link io.diffyne.runtime.BroadcastMessage} per channel, keeps a bounded replay
 * buffer per channel so a reconnecting client can ask for what it missed, and hands each numbered broadcast to the
 * transports that subscribed ({@link io.diffyne.broadcast.BroadcastBus#subscribe}). The in-JVM
 * {@link io.diffyne.broadcast.LocalBroadcastBus} is the default; a cluster implementation replaces it as a CDI
 * alternative. Depends on {@code runtime} (the message type, received as a CDI event) and CDI; never on a transport.
 */
package io.diffyne.broadcast;
