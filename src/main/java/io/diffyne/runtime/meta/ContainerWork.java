package io.diffyne.runtime.meta;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What CDI does when it makes an instance of a component's bean, besides calling its no-argument constructor: read
 * from the bean's final annotated type (after every extension's changes) while the application deploys. When it does
 * nothing else (no injection point, no interceptor of any kind, no lifecycle callback, no Jakarta EE resource to
 * inject), {@link CdiComponentFactory} calls the constructor itself: the same instance CDI would make, without the
 * container's per-instance work (on Payara, its hook for {@code @Resource} and {@code @EJB} injection, which it runs
 * for every instance CDI makes: two thirds of a counter click's {@code component.create}, issue 17).
 */
final class ContainerWork {

    /**
     * Annotations that give the container work on an instance, by name so that none of their APIs is needed (a
     * container without one, such as Tomcat without EJB, has nothing that would act on it either).
     */
    private static final Set<String> WORK = Set.of(
            "jakarta.inject.Inject",
            "jakarta.annotation.PostConstruct", "jakarta.annotation.PreDestroy",
            "jakarta.annotation.Resource", "jakarta.annotation.Resources",
            "jakarta.ejb.EJB", "jakarta.ejb.EJBs",
            "jakarta.persistence.PersistenceContext", "jakarta.persistence.PersistenceContexts",
            "jakarta.persistence.PersistenceUnit", "jakarta.persistence.PersistenceUnits",
            "jakarta.xml.ws.WebServiceRef", "jakarta.xml.ws.WebServiceRefs",
            "jakarta.interceptor.Interceptors", "jakarta.interceptor.AroundInvoke",
            "jakarta.interceptor.AroundConstruct", "jakarta.interceptor.AroundTimeout",
            "jakarta.enterprise.inject.Decorated", "jakarta.enterprise.inject.Intercepted");

    private ContainerWork() {
    }

    /**
     * Why CDI has more to do than call the constructor for {@code bean}, whose final annotated type is
     * {@code type}; null when it has nothing more. Decorators are not known yet while beans are processed: the
     * factory asks for them when it first makes an instance ({@link #decorated}).
     */
    static String of(AnnotatedType<?> type, Bean<?> bean, BeanManager beans) {
        if (bean.getScope() != Dependent.class) {
            return "it is not @Dependent";
        }
        if (!bean.getInjectionPoints().isEmpty()) {
            return "it has an injection point (" + bean.getInjectionPoints().iterator().next() + ")";
        }
        List<Annotated> members = new ArrayList<>();
        members.add(type);
        members.addAll(type.getConstructors());
        members.addAll(type.getFields());
        members.addAll(type.getMethods());
        for (Annotated member : members) {
            for (Annotation annotation : member.getAnnotations()) {
                String why = work(annotation.annotationType(), beans, new HashSet<>());
                if (why != null) {
                    return why + " on " + member;
                }
            }
        }
        return null;
    }

    /** Why a bean of these types is decorated, or null: asked at run time, once decorators are resolved. */
    static String decorated(Bean<?> bean, BeanManager beans) {
        return beans.resolveDecorators(bean.getTypes()).isEmpty() ? null : "it is decorated";
    }

    private static String work(Class<? extends Annotation> annotation, BeanManager beans,
                               Set<Class<?>> stereotypesSeen) {
        if (WORK.contains(annotation.getName())) {
            return "@" + annotation.getSimpleName();
        }
        if (beans.isInterceptorBinding(annotation)) {
            return "interceptor binding @" + annotation.getSimpleName();
        }
        if (beans.isStereotype(annotation) && stereotypesSeen.add(annotation)) {
            for (Annotation meta : beans.getStereotypeDefinition(annotation)) {
                String why = work(meta.annotationType(), beans, stereotypesSeen);
                if (why != null) {
                    return why + " (from stereotype @" + annotation.getSimpleName() + ")";
                }
            }
        }
        return null;
    }
}
