/**
 * Recording: what the engine and the transports did, in bounded memory and without locks on the hot path. A leaf
 * package: the runtime and the transports call {@link io.diffyne.metrics.Metrics} at the points where things happen
 * (one call each); it depends on nothing of Diffyne's. What reads it (the dashboard, the JSON snapshot, the platform's
 * metrics registry) lives in {@code io.diffyne.dashboard}.
 */
package io.diffyne.metrics;
