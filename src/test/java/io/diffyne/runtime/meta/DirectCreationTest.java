package io.diffyne.runtime.meta;

import io.diffyne.component.Component;
import io.diffyne.component.DiffyneComponent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Stereotype;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.enterprise.inject.spi.ProcessInjectionTarget;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real CDI container (Weld SE): a component CDI has nothing to do for is made by its constructor, and every
 * kind of work CDI can have on an instance (injection, an interceptor on a method or through a stereotype, its own
 * {@code @AroundInvoke}, {@code @PostConstruct}, a decorator, an extension's own injection target) keeps CDI making
 * it, and it still does that work.
 */
class DirectCreationTest {

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @InterceptorBinding
    public @interface Audited {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Stereotype
    @Audited
    public @interface AuditedComponent {
    }

    /** What the fixtures' interceptors, decorators and callbacks did, in order. */
    static final List<String> CALLS = new ArrayList<>();

    @Audited
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    public static class AuditInterceptor {
        @AroundInvoke
        Object audit(InvocationContext context) throws Exception {
            CALLS.add("audited " + context.getMethod().getName());
            return context.proceed();
        }
    }

    @ApplicationScoped
    public static class Greeting {
        String text() {
            return "hello";
        }
    }

    public interface Named {
        String label();
    }

    @Decorator
    @Priority(Interceptor.Priority.APPLICATION)
    public abstract static class Shouting implements Named {
        @Inject
        @Delegate
        Named delegate;

        @Override
        public String label() {
            return delegate.label().toUpperCase();
        }
    }

    @DiffyneComponent("plain")
    public static class Plain extends Component {
        public int count;

        public void increment() {
            count++;
        }
    }

    @DiffyneComponent("injected")
    public static class Injected extends Component {
        @Inject
        Greeting greeting;
    }

    @DiffyneComponent("intercepted")
    public static class Intercepted extends Component {
        @Audited
        public void increment() {
            CALLS.add("increment");
        }
    }

    /**
     * Not a component: a class-level binding cannot be on one (Component's final methods cannot be intercepted, so
     * CDI refuses the deployment), but a stereotype's binding is found as any other.
     */
    @AuditedComponent
    public static class Stereotyped {
        public void increment() {
            CALLS.add("increment");
        }
    }

    @DiffyneComponent("around")
    public static class Around extends Component {
        public void increment() {
            CALLS.add("increment");
        }

        @AroundInvoke
        Object own(InvocationContext context) throws Exception {
            CALLS.add("own " + context.getMethod().getName());
            return context.proceed();
        }
    }

    @DiffyneComponent("constructed")
    public static class Constructed extends Component {
        @PostConstruct
        void ready() {
            CALLS.add("post-construct");
        }
    }

    @DiffyneComponent("decorated")
    public static class Decorated extends Component implements Named {
        @Override
        public String label() {
            return "quiet";
        }
    }

    @DiffyneComponent("wrapped")
    public static class Wrapped extends Component {
    }

    /** An extension that replaces one component's injection target with a wrapper that records each instance. */
    public static class Wrapping implements Extension {
        void wrap(@Observes ProcessInjectionTarget<Wrapped> event) {
            InjectionTarget<Wrapped> original = event.getInjectionTarget();
            event.setInjectionTarget(new InjectionTarget<>() {
                @Override
                public void inject(Wrapped instance, CreationalContext<Wrapped> ctx) {
                    CALLS.add("wrapped inject");
                    original.inject(instance, ctx);
                }

                @Override
                public void postConstruct(Wrapped instance) {
                    original.postConstruct(instance);
                }

                @Override
                public void preDestroy(Wrapped instance) {
                    original.preDestroy(instance);
                }

                @Override
                public Wrapped produce(CreationalContext<Wrapped> ctx) {
                    return original.produce(ctx);
                }

                @Override
                public void dispose(Wrapped instance) {
                    original.dispose(instance);
                }

                @Override
                public Set<jakarta.enterprise.inject.spi.InjectionPoint> getInjectionPoints() {
                    return original.getInjectionPoints();
                }
            });
        }
    }

    private static final Class<?>[] COMPONENTS = {Plain.class, Injected.class, Intercepted.class, Around.class, Constructed.class, Decorated.class, Wrapped.class};

    private WeldContainer weld;
    private CdiComponentFactory factory;
    private ComponentRegistry registry;
    private final List<String> decisions = new ArrayList<>();
    private final Logger log = Logger.getLogger(CdiComponentFactory.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            decisions.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level level;

    @BeforeEach
    void start() {
        CALLS.clear();
        level = log.getLevel();
        log.setLevel(Level.FINE);
        capture.setLevel(Level.FINE);
        log.addHandler(capture);
        ComponentExtension extension = new ComponentExtension();
        weld = new Weld("direct-creation-" + System.nanoTime()).disableDiscovery()
                .addExtension(extension)
                .addExtension(new Wrapping())
                .addBeanClasses(CdiComponentFactory.class, Greeting.class, AuditInterceptor.class, Shouting.class,
                        Stereotyped.class)
                .addBeanClasses(COMPONENTS)
                .property("org.jboss.weld.bootstrap.concurrentDeployment", false)
                .property("org.jboss.weld.executor.threadPoolType", "NONE")
                .initialize();
        factory = weld.select(CdiComponentFactory.class).get();
        registry = extension.registry();
    }

    @AfterEach
    void stop() {
        log.removeHandler(capture);
        log.setLevel(level);
        weld.shutdown();
    }

    private Component make(Class<?> cls) {
        ComponentInstance instance = factory.create(registry.typeOf(cls).orElseThrow());
        assertNotNull(instance.component());
        return instance.component();
    }

    private String decisionFor(String name) {
        return decisions.stream().filter(d -> d.startsWith("Component '" + name + "'")).findFirst()
                .orElseThrow(() -> new AssertionError("no decision logged for " + name + ": " + decisions));
    }

    @Test
    void aComponentWithNothingForCdiIsMadeByItsConstructor() {
        Component first = make(Plain.class);
        Component second = make(Plain.class);
        assertSame(Plain.class, first.getClass(), "the class itself, no proxy or subclass");
        assertTrue(first != second, "a new instance each time");
        ((Plain) first).increment();
        assertEquals(1, ((Plain) first).count);
        assertEquals(0, ((Plain) second).count);
        assertTrue(decisionFor("plain").endsWith("is made by its constructor: CDI has nothing to inject,"
                + " intercept, decorate or call back on it"), decisions::toString);
        assertEquals(1, decisions.size(), "decided once: " + decisions);
    }

    @Test
    void injectionKeepsCdiMakingIt() {
        Injected component = (Injected) make(Injected.class);
        assertEquals("hello", component.greeting.text());
        assertTrue(decisionFor("injected").contains("is made by CDI: it has an injection point"), decisions::toString);
    }

    @Test
    void anInterceptorBindingOnAMethodKeepsCdiMakingIt() {
        ((Intercepted) make(Intercepted.class)).increment();
        assertEquals(List.of("audited increment", "increment"), CALLS);
        assertTrue(decisionFor("intercepted").contains("is made by CDI: interceptor binding @Audited on"),
                decisions::toString);
    }

    @Test
    void anInterceptorBindingFromAStereotypeIsFound() {
        BeanManager beans = weld.getBeanManager();
        Bean<?> bean = beans.resolve(beans.getBeans(Stereotyped.class));
        String why = ContainerWork.of(beans.createAnnotatedType(Stereotyped.class), bean, beans);
        assertTrue(why != null && why.startsWith("interceptor binding @Audited (from stereotype @AuditedComponent)"),
                why);
        weld.select(Stereotyped.class).get().increment();
        assertEquals(List.of("audited increment", "increment"), CALLS);
    }

    @Test
    void itsOwnAroundInvokeKeepsCdiMakingIt() {
        ((Around) make(Around.class)).increment();
        assertEquals(List.of("own increment", "increment"), CALLS);
        assertTrue(decisionFor("around").contains("is made by CDI: @AroundInvoke on"), decisions::toString);
    }

    @Test
    void aPostConstructKeepsCdiMakingIt() {
        make(Constructed.class);
        assertEquals(List.of("post-construct"), CALLS);
        assertTrue(decisionFor("constructed").contains("is made by CDI: @PostConstruct on"), decisions::toString);
    }

    @Test
    void aDecoratorKeepsCdiMakingIt() {
        assertEquals("QUIET", ((Named) make(Decorated.class)).label());
        assertTrue(decisionFor("decorated").endsWith("is made by CDI: it is decorated"), decisions::toString);
    }

    @Test
    void anInjectionTargetAnExtensionReplacedKeepsCdiMakingIt() {
        make(Wrapped.class);
        assertEquals(List.of("wrapped inject"), CALLS);
        assertTrue(decisionFor("wrapped").endsWith("is made by CDI: an extension replaced its InjectionTarget"),
                decisions::toString);
    }

    @Test
    void withoutTheExtensionEveryComponentIsMadeByCdi() {
        try (WeldContainer bare = new Weld("direct-creation-bare-" + System.nanoTime()).disableDiscovery()
                .addBeanClasses(CdiComponentFactory.class, Plain.class)
                .property("org.jboss.weld.bootstrap.concurrentDeployment", false)
                .property("org.jboss.weld.executor.threadPoolType", "NONE")
                .initialize()) {
            CdiComponentFactory cdi = bare.select(CdiComponentFactory.class).get();
            assertSame(Plain.class, cdi.create(ComponentType.of(Plain.class)).component().getClass());
            assertTrue(decisionFor("plain").endsWith("is made by CDI: the Diffyne CDI extension is not deployed"),
                    decisions::toString);
        }
    }
}
