/**
 * The component test kit: test a Diffyne component in plain JUnit (or any test framework), through the production
 * pipeline, without a container.
 *
 * <pre>{@code
 * DiffyneTest.mount(Counter.class, Map.of("step", 2))
 *         .call("increment")
 *         .assertSee("2")
 *         .assertSet("count", 2);
 * }</pre>
 *
 * <p>{@link io.diffyne.testing.DiffyneTest} is the entry point; {@link io.diffyne.testing.TestKit} configures what
 * components get injected, who the user is and which settings apply; {@link io.diffyne.testing.TestBrowser} is one
 * browser's page; {@link io.diffyne.testing.TestedComponent} acts on one mounted component and asserts on what the
 * browser would see. Every action is a protocol request through {@link io.diffyne.runtime.DefaultDiffyneRuntime}, with
 * the signed snapshot the previous response left, and every response is applied the way the browser client applies it
 * (patches to the tree, delta to the state, events relayed to the page's listening components with their passes).
 * Failed checks throw opentest4j's {@code AssertionFailedError} (an {@link java.lang.AssertionError}).
 */
package io.diffyne.testing;
