/**
 * Component state: which fields are state ({@link io.diffyne.state.StateFields}), how state becomes JSON
 * ({@link io.diffyne.state.StateSerializer}) and back ({@link io.diffyne.state.StateHydrator},
 * {@link io.diffyne.state.ValueCoercer}), the canonical form that is signed ({@link io.diffyne.state.CanonicalJson},
 * {@link io.diffyne.state.SnapshotSigner}), the snapshot itself ({@link io.diffyne.state.Snapshot}) and the compact
 * state delta a response carries instead of the whole state ({@link io.diffyne.state.StateDelta}).
 *
 * <p>Plain Java, testable without a container. May depend on the JDK, {@code io.diffyne.component} (annotations only),
 * JSON-P and JSON-B. Component instances are handled as {@code Object}, so nothing here depends on the
 * {@code Component} base class. Every failure is a {@link io.diffyne.state.StateException} (or a subtype) whose
 * {@link io.diffyne.state.StateException#clientMessage()} is safe to send to a browser: no Java class names, no input
 * echoed back.
 */
package io.diffyne.state;
