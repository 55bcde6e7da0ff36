package io.diffyne.runtime.meta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** Makes the deployment's {@link ComponentRegistry} injectable: {@code @Inject ComponentRegistry registry;}. */
@ApplicationScoped
public class ComponentRegistryProducer {

    @Inject
    ComponentExtension extension;

    // @Dependent on purpose: the registry is immutable and final (not proxyable); every injection gets the same one
    @Produces
    ComponentRegistry registry() {
        return extension.registry();
    }
}
