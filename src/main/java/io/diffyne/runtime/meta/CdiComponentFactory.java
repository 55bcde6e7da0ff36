package io.diffyne.runtime.meta;

import io.diffyne.component.Component;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * Creates component instances through CDI, so {@code @Inject}, interceptors and {@code @PostConstruct} work; closing
 * the {@link ComponentInstance} destroys the {@code @Dependent} instance and everything injected into it.
 */
@ApplicationScoped
public class CdiComponentFactory implements ComponentFactory {

    private final ConcurrentMap<Class<?>, Bean<?>> beans = new ConcurrentHashMap<>();

    @Inject
    BeanManager beanManager;

    @Override
    @SuppressWarnings("unchecked")
    public ComponentInstance create(ComponentType type) {
        Bean<Object> bean = (Bean<Object>) beans.computeIfAbsent(type.componentClass(), this::resolve);
        CreationalContext<Object> creational = beanManager.createCreationalContext(bean);
        Object reference = beanManager.getReference(bean, type.componentClass(), creational);
        Runnable release = bean.getScope() == Dependent.class
                ? () -> bean.destroy(reference, creational)
                : creational::release;
        return new ComponentInstance((Component) reference, release);
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
}
