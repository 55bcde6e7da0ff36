package io.diffyne.runtime.meta;

import io.diffyne.component.Component;
import io.diffyne.component.DiffyneComponent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionTarget;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.interceptor.Interceptor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
    /** Each component class's injection target as CDI first offered it to extensions. */
    private final Map<Class<?>, InjectionTarget<?>> firstTargets = new ConcurrentHashMap<>();
    /** Component classes whose injection target some extension replaced: CDI must make their instances. */
    private final Set<Class<?>> replacedTargets = ConcurrentHashMap.newKeySet();
    /** Why CDI has more to do for a component class than call its constructor ({@link ContainerWork}). */
    private final Map<Class<?>, String> containerWork = new ConcurrentHashMap<>();
    /** Component classes whose managed bean this extension saw (the ones without a reason above need no CDI). */
    private final Set<Class<?>> managed = ConcurrentHashMap.newKeySet();
    private volatile ComponentRegistry registry;

    <T> void collect(@Observes @WithAnnotations(DiffyneComponent.class) ProcessAnnotatedType<T> event) {
        Class<T> cls = event.getAnnotatedType().getJavaClass();
        // @WithAnnotations also matches members and meta-annotations; only the class annotation registers
        if (cls.isAnnotationPresent(DiffyneComponent.class)) {
            classes.add(cls);
        }
    }

    <T extends Component> void checkScope(@Observes ProcessManagedBean<T> event, BeanManager beans) {
        Class<?> cls = event.getBean().getBeanClass();
        Class<?> scope = event.getBean().getScope();
        if (cls.isAnnotationPresent(DiffyneComponent.class) && scope != Dependent.class) {
            scopeProblems.add(String.format(NOT_DEPENDENT, cls.getName(), scope.getSimpleName()));
        }
        if (cls.isAnnotationPresent(DiffyneComponent.class)) {
            String why = ContainerWork.of(event.getAnnotatedBeanClass(), event.getBean(), beans);
            if (why != null) {
                containerWork.put(cls, why);
            }
            managed.add(cls);
        }
    }

    // the first and (nearly) the last observers of a component's injection target: an extension in between that
    // replaces it (to wrap injection or construction) keeps CDI making that component's instances
    <T extends Component> void firstTarget(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ProcessInjectionTarget<T> event) {
        firstTargets.put(event.getAnnotatedType().getJavaClass(), event.getInjectionTarget());
    }

    <T extends Component> void lastTarget(
            @Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) ProcessInjectionTarget<T> event) {
        Class<?> cls = event.getAnnotatedType().getJavaClass();
        if (firstTargets.remove(cls) != event.getInjectionTarget()) {
            replacedTargets.add(cls);
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

    /**
     * Why CDI must make the instances of component class {@code cls} ({@link ContainerWork}), or null when calling
     * its no-argument constructor makes the same instance: a managed bean with nothing to inject or intercept, no
     * lifecycle callback and an injection target no extension replaced (decorators are the factory's to ask).
     */
    String containerWork(Class<?> cls) {
        if (!managed.contains(cls)) {
            return "it is not a managed bean this extension saw";
        }
        if (replacedTargets.contains(cls)) {
            return "an extension replaced its InjectionTarget";
        }
        return containerWork.get(cls);
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
