package io.diffyne.testing;

import io.diffyne.runtime.meta.CdiComponentFactory;
import io.diffyne.runtime.meta.ComponentFactory;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The kit inside Weld SE: a container with discovery off, deploying exactly the components, the bean classes the
 * test named and one bean per provided instance, and instances made by the production {@link CdiComponentFactory}
 * (so {@code @Inject}, qualifiers, producers, interceptors and {@code @PostConstruct} work as in the server). Only
 * this class names Weld: a test that never calls {@link DiffyneTest#weld()} needs no Weld on its class path.
 */
final class WeldComponents implements AutoCloseable {

    private final WeldContainer container;
    private final ComponentFactory factory;

    private WeldComponents(WeldContainer container) {
        this.container = container;
        this.factory = container.select(CdiComponentFactory.class).get();
    }

    static WeldComponents start(Set<Class<?>> components, Set<Class<?>> beans, Provisions provisions) {
        Weld weld = new Weld("diffyne-test-" + UUID.randomUUID())
                .disableDiscovery()
                .addBeanClass(CdiComponentFactory.class)
                .addBeanClasses(components.toArray(Class<?>[]::new))
                .addBeanClasses(beans.toArray(Class<?>[]::new))
                .addExtension(new ProvidedBeans(provisions.all()))
                .property("org.jboss.weld.bootstrap.concurrentDeployment", false)
                .property("org.jboss.weld.executor.threadPoolType", "NONE");
        weld.skipShutdownHook();
        return new WeldComponents(weld.initialize());
    }

    ComponentFactory factory() {
        return factory;
    }

    @Override
    public void close() {
        container.shutdown();
    }

    /** Adds each instance the test provided as a {@code @Dependent} bean of the type it was provided as. */
    static final class ProvidedBeans implements Extension {

        private final Map<Class<?>, Object> provided;

        ProvidedBeans(Map<Class<?>, Object> provided) {
            this.provided = provided;
        }

        void addProvided(@Observes AfterBeanDiscovery discovery) {
            provided.forEach((type, instance) -> discovery.addBean()
                    .beanClass(type)
                    .types(type, Object.class)
                    .scope(Dependent.class)
                    .createWith(creational -> instance));
        }
    }
}
