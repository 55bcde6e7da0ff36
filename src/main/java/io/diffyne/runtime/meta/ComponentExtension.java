package io.diffyne.runtime.meta;

import io.diffyne.component.Component;
import io.diffyne.component.DiffyneComponent;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds every {@code @DiffyneComponent} class while the application deploys, checks it, and builds the
 * {@link ComponentRegistry}. A wrongly declared component fails the deployment with a message naming the class and the
 * fix, instead of failing a user's request later. Registered in
 * {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
public class ComponentExtension implements Extension {

    static final String NOT_DEPENDENT =
            "%s has scope @%s; components must stay @Dependent (the @DiffyneComponent default): the runtime owns one"
                    + " instance per request or connection and keeps its state in the snapshot. Remove the scope"
                    + " annotation and keep shared data in an injected bean";

    // the container may fire discovery events from several threads
    private final Set<Class<?>> classes = ConcurrentHashMap.newKeySet();
    private final Set<String> scopeProblems = ConcurrentHashMap.newKeySet();
    private volatile ComponentRegistry registry;

    <T> void collect(@Observes @WithAnnotations(DiffyneComponent.class) ProcessAnnotatedType<T> event) {
        Class<T> cls = event.getAnnotatedType().getJavaClass();
        // @WithAnnotations also matches members and meta-annotations; only the class annotation registers
        if (cls.isAnnotationPresent(DiffyneComponent.class)) {
            classes.add(cls);
        }
    }

    <T extends Component> void checkScope(@Observes ProcessManagedBean<T> event) {
        Class<?> cls = event.getBean().getBeanClass();
        Class<?> scope = event.getBean().getScope();
        if (cls.isAnnotationPresent(DiffyneComponent.class) && scope != Dependent.class) {
            scopeProblems.add(String.format(NOT_DEPENDENT, cls.getName(), scope.getSimpleName()));
        }
    }

    void register(@Observes AfterBeanDiscovery event) {
        List<String> problems = new ArrayList<>(scopeProblems);
        problems.sort(null);
        List<Class<?>> sorted = new ArrayList<>(classes);
        sorted.sort(Comparator.comparing(Class::getName));
        try {
            registry = ComponentRegistry.of(sorted);
        } catch (ComponentDefinitionException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            event.addDefinitionError(new ComponentDefinitionException(problems));
        }
    }

    /** The registry built at deployment. */
    public ComponentRegistry registry() {
        ComponentRegistry r = registry;
        if (r == null) {
            throw new IllegalStateException("The Diffyne component registry is not built yet: it exists after CDI"
                    + " bean discovery (inject ComponentRegistry instead of reading it during discovery)");
        }
        return r;
    }
}
