/**
 * The authoring API: what an application writes a component against. {@link io.diffyne.component.Component} (state,
 * lifecycle hooks, helpers) and the annotations that declare a component, its actions, listeners, computed values and
 * query-string fields; {@link io.diffyne.component.TemporaryUpload} for file uploads, with the
 * {@link io.diffyne.component.FileType} and {@link io.diffyne.component.FileSize} constraints.
 *
 * <p>May depend on the JDK, the Bean Validation API and the CDI API (for the {@code @DiffyneComponent} stereotype)
 * only. The runtime reaches the protected hooks and the per-request context through {@link io.diffyne.component.spi}.
 */
package io.diffyne.component;
