package io.diffyne.runtime.meta;

/**
 * Creates component instances. In a container: {@link CdiComponentFactory} (injection works); in unit tests:
 * {@link PlainComponentFactory}.
 */
public interface ComponentFactory {

    /** A new instance of {@code type}, state at its initial values, no context attached. */
    ComponentInstance create(ComponentType type);
}
