package io.diffyne.runtime.meta;

import io.diffyne.component.Component;
import io.diffyne.component.DiffyneComponent;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The extension's observers, driven with stand-in container events (no container in unit tests). */
class ComponentExtensionTest {

    @DiffyneComponent("counter")
    static class Counter extends Component {
        public int count;
    }

    @DiffyneComponent("Bad")
    static class Bad extends Component {
    }

    /** Matched by @WithAnnotations through a member annotation only: not a component. */
    static class Helper {
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(method.getName(), args));
    }

    @SuppressWarnings("unchecked")
    private static ProcessAnnotatedType<Object> pat(Class<?> cls) {
        AnnotatedType<Object> at = fake(AnnotatedType.class, (m, a) -> m.equals("getJavaClass") ? cls : null);
        return fake(ProcessAnnotatedType.class, (m, a) -> m.equals("getAnnotatedType") ? at : null);
    }

    @SuppressWarnings("unchecked")
    private static ProcessManagedBean<Component> pmb(Class<?> cls, Class<?> scope) {
        Bean<Component> bean = fake(Bean.class, (m, a) -> switch (m) {
            case "getBeanClass" -> cls;
            case "getScope" -> scope;
            case "getInjectionPoints" -> Set.of();
            default -> null;
        });
        AnnotatedType<Component> type = fake(AnnotatedType.class, (m, a) -> switch (m) {
            case "getJavaClass" -> cls;
            case "getAnnotations", "getConstructors", "getFields", "getMethods" -> Set.of();
            default -> null;
        });
        return fake(ProcessManagedBean.class, (m, a) -> switch (m) {
            case "getBean" -> bean;
            case "getAnnotatedBeanClass" -> type;
            default -> null;
        });
    }

    /** A BeanManager that knows no interceptor binding or stereotype. */
    private static final BeanManager BEANS = fake(BeanManager.class, (m, a) -> false);

    private static AfterBeanDiscovery abd(List<Throwable> errors) {
        return fake(AfterBeanDiscovery.class, (m, a) -> {
            if (m.equals("addDefinitionError")) {
                errors.add((Throwable) a[0]);
            }
            return null;
        });
    }

    @Test
    void collectsAnnotatedClassesAndBuildsTheRegistry() {
        ComponentExtension ext = new ComponentExtension();
        assertThrows(IllegalStateException.class, ext::registry);
        ext.collect(pat(Counter.class));
        ext.collect(pat(Helper.class));
        ext.checkScope(pmb(Counter.class, Dependent.class), BEANS);
        assertNull(ext.containerWork(Counter.class), "nothing for CDI to do for it");
        List<Throwable> errors = new ArrayList<>();
        ext.register(abd(errors));
        assertEquals(List.of(), errors);
        assertEquals(List.of("counter"), ext.registry().types().stream().map(ComponentType::name).toList());
        ComponentRegistryProducer producer = new ComponentRegistryProducer();
        producer.extension = ext;
        assertEquals(ext.registry(), producer.registry());
    }

    @Test
    void definitionProblemsBecomeOneDefinitionError() {
        ComponentExtension ext = new ComponentExtension();
        ext.collect(pat(Bad.class));
        ext.collect(pat(Counter.class));
        ext.checkScope(pmb(Counter.class, RequestScoped.class), BEANS);
        assertEquals("it is not @Dependent", ext.containerWork(Counter.class));
        List<Throwable> errors = new ArrayList<>();
        ext.register(abd(errors));
        assertEquals(1, errors.size());
        ComponentDefinitionException e = assertInstanceOf(ComponentDefinitionException.class, errors.get(0));
        assertEquals(List.of(
                "io.diffyne.runtime.meta.ComponentExtensionTest$Counter has scope @RequestScoped; components must"
                        + " stay @Dependent (the @DiffyneComponent default): the runtime owns one instance per request"
                        + " or connection and keeps its state in the snapshot. Remove the scope annotation and keep"
                        + " shared data in an injected bean",
                "io.diffyne.runtime.meta.ComponentExtensionTest$Bad: component name 'Bad' is invalid; use lower-case"
                        + " letters and digits joined by '-', '.' or '/' (at most 100 characters), e.g."
                        + " @DiffyneComponent(\"user-form\")"), e.problems());
    }

    @Test
    void theExtensionIsRegisteredAsAService() throws Exception {
        var url = getClass().getClassLoader()
                .getResource("META-INF/services/jakarta.enterprise.inject.spi.Extension");
        try (var in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
            assertEquals(List.of(ComponentExtension.class.getName()), in.lines().toList());
        }
    }
}
