/**
 * Benchmark-only server pieces, packaged only in {@code diffyne-bench.war} ({@code mvn -Pbench}): the baselines the
 * figures are divided by (a raw WebSocket echo, an HTTP POST echo), a page that mounts one component, and a heap probe.
 * Never in the production WAR. May depend on {@code web} (the page API) and the Jakarta EE APIs.
 */
package io.diffyne.bench.server;
