package io.diffyne.runtime.meta;

import io.diffyne.component.Component;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Creates component instances through CDI, so {@code @Inject}, interceptors and {@code @PostConstruct} work; closing
 * the {@link ComponentInstance} destroys the {@code @Dependent} instance and everything injected into it. A component
 * CDI has nothing to do for but call its constructor ({@link ContainerWork}: no injection point, interceptor,
 * decorator, lifecycle callback or EE resource, an injection target no extension replaced) is made by that
 * constructor directly: the same instance, without the container's per-instance work. Which one a class gets is
 * decided once, at its first instance, and logged at FINE.
 */
@ApplicationScoped
public class CdiComponentFactory implements ComponentFactory {

    private static final Logger LOG = Logger.getLogger(CdiComponentFactory.class.getName());

    private final ConcurrentMap<Class<?>, Maker> makers = new ConcurrentHashMap<>();

    @Inject
    BeanManager beanManager;

    /** What the deployment's extension learnt of each component bean (unsatisfied in a container without it). */
    @Inject
    Instance<ComponentExtension> extension;

    @Override
    public ComponentInstance create(ComponentType type) {
        return makers.computeIfAbsent(type.componentClass(), cls -> maker(type)).make(type);
    }

    private Maker maker(ComponentType type) {
        Bean<?> bean = resolve(type.componentClass());
        String why = extension != null && extension.isResolvable()
                ? extension.get().containerWork(type.componentClass()) : "the Diffyne CDI extension is not deployed";
        if (why == null) {
            why = ContainerWork.decorated(bean, beanManager);
        }
        if (why == null) {
            LOG.fine(() -> "Component '" + type.name() + "' (" + type.componentClass().getName() + ") is made by its"
                    + " constructor: CDI has nothing to inject, intercept, decorate or call back on it");
            return DIRECT;
        }
        String reason = why;
        LOG.fine(() -> "Component '" + type.name() + "' (" + type.componentClass().getName() + ") is made by CDI: "
                + reason);
        return new Managed(bean);
    }

    /** The bean whose class is exactly {@code cls}: a subclass that is a component of its own must not match. */
    private Bean<?> resolve(Class<?> cls) {
        Set<Bean<?>> exact = beanManager.getBeans(cls, Any.Literal.INSTANCE).stream()
                .filter(b -> b.getBeanClass() == cls)
                .collect(Collectors.toSet());
        if (exact.isEmpty()) {
            throw new IllegalStateException(cls.getName() + " is not a CDI bean; keep @DiffyneComponent on it and"
                    + " make sure its archive is a bean archive (the default for a WAR's classes)");
        }
        return beanManager.resolve(exact);
    }

    /** How one component class's instances are made. */
    private interface Maker {
        ComponentInstance make(ComponentType type);
    }

    private static final Maker DIRECT = type -> new ComponentInstance(type.newPlainInstance(), () -> { });

    private final class Managed implements Maker {

        private final Bean<Object> bean;

        @SuppressWarnings("unchecked")
        Managed(Bean<?> bean) {
            this.bean = (Bean<Object>) bean;
        }

        @Override
        public ComponentInstance make(ComponentType type) {
            CreationalContext<Object> creational = beanManager.createCreationalContext(bean);
            Object reference = beanManager.getReference(bean, type.componentClass(), creational);
            Runnable release = bean.getScope() == Dependent.class
                    ? () -> bean.destroy(reference, creational)
                    : creational::release;
            return new ComponentInstance((Component) reference, release);
        }
    }
}
