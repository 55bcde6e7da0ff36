package io.diffyne.runtime.meta;

import io.diffyne.component.Component;
import io.diffyne.component.DiffyneComponent;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The factory's use of the BeanManager, against a stand-in (the real container is covered by integration tests). */
class CdiComponentFactoryTest {

    @DiffyneComponent("counter")
    static class Counter extends Component {
    }

    @DiffyneComponent("big-counter")
    static class BigCounter extends Counter {
    }

    private final List<String> log = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private <T> T fake(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(method.getName(), args));
    }

    private Bean<?> bean(Class<?> cls) {
        return fake(Bean.class, (m, a) -> switch (m) {
            case "getBeanClass" -> cls;
            case "getScope" -> Dependent.class;
            case "destroy" -> {
                log.add("destroy " + a[0].getClass().getSimpleName());
                yield null;
            }
            case "toString" -> "bean " + cls.getSimpleName();
            case "hashCode" -> cls.hashCode();
            case "equals" -> false;
            default -> null;
        });
    }

    private BeanManager beanManager(Set<Bean<?>> beans, Component instance) {
        CreationalContext<?> cc = fake(CreationalContext.class, (m, a) -> null);
        return fake(BeanManager.class, (m, a) -> switch (m) {
            case "getBeans" -> beans;
            case "resolve" -> {
                @SuppressWarnings("unchecked") Set<Bean<?>> set = (Set<Bean<?>>) a[0];
                log.add("resolve " + set);
                yield set.iterator().next();
            }
            case "createCreationalContext" -> cc;
            case "getReference" -> instance;
            default -> null;
        });
    }

    @Test
    void createsThroughTheExactBeanAndDestroysOnClose() {
        Counter instance = new Counter();
        CdiComponentFactory factory = new CdiComponentFactory();
        factory.beanManager = beanManager(Set.of(bean(Counter.class), bean(BigCounter.class)), instance);
        ComponentInstance created = factory.create(ComponentType.of(Counter.class));
        assertSame(instance, created.component());
        assertEquals(List.of("resolve [bean Counter]"), log);
        created.close();
        created.close();
        assertEquals(List.of("resolve [bean Counter]", "destroy Counter"), log);
        factory.create(ComponentType.of(Counter.class)).close();
        assertEquals(List.of("resolve [bean Counter]", "destroy Counter", "destroy Counter"), log);
    }

    @Test
    void aClassThatIsNotABeanIsExplained() {
        CdiComponentFactory factory = new CdiComponentFactory();
        factory.beanManager = beanManager(Set.of(), new Counter());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> factory.create(ComponentType.of(Counter.class)));
        assertEquals("io.diffyne.runtime.meta.CdiComponentFactoryTest$Counter is not a CDI bean; keep"
                + " @DiffyneComponent on it and make sure its archive is a bean archive (the default for a WAR's"
                + " classes)", e.getMessage());
    }
}
