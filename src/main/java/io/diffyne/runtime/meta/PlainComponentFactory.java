package io.diffyne.runtime.meta;

import jakarta.enterprise.inject.Vetoed;

/** Instances by the plain no-argument constructor, without injection: for tests and tools outside a container. */
@Vetoed // never a CDI bean: in a container CdiComponentFactory is the only ComponentFactory
public final class PlainComponentFactory implements ComponentFactory {

    @Override
    public ComponentInstance create(ComponentType type) {
        return new ComponentInstance(type.newPlainInstance(), () -> { });
    }
}
