/**
 * The seam between a {@link io.diffyne.component.Component} and the runtime that runs it: the per-request
 * {@link io.diffyne.component.spi.ComponentContext} the runtime attaches, the {@link io.diffyne.component.spi.Effects}
 * the component's helpers record into, and {@link io.diffyne.component.spi.ComponentAccess}, the runtime's handle on
 * the protected lifecycle hooks. Application code does not use this package.
 *
 * <p>May depend on the JDK and the Bean Validation API only.
 */
package io.diffyne.component.spi;
