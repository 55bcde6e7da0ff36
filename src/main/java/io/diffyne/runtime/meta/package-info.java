/**
 * What the runtime knows about component classes: {@link io.diffyne.runtime.meta.ComponentType} (immutable metadata
 * with fast MethodHandle access, built once per class), the {@link io.diffyne.runtime.meta.ComponentRegistry}
 * (name → type), the CDI {@link io.diffyne.runtime.meta.ComponentExtension} that finds and checks every
 * {@code @DiffyneComponent} class at deployment, and {@link io.diffyne.runtime.meta.ComponentFactory} for instances.
 *
 * <p>May depend on {@code io.diffyne.component}, the CDI API and the JDK. Everything except the CDI beans works
 * without a container ({@code ComponentRegistry.of(Counter.class, …)}).
 */
package io.diffyne.runtime.meta;
