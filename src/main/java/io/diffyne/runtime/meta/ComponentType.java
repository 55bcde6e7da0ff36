package io.diffyne.runtime.meta;

import io.diffyne.state.StateField;

import io.diffyne.component.Component;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.component.Lazy;
import io.diffyne.component.Transport;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything the runtime needs to know about one component class, read once (at deployment) and immutable after.
 * Members are reached through MethodHandles, so per-request work is map look-ups and direct calls.
 *
 * <pre>{@code
 * ComponentType t = ComponentType.of(Counter.class);
 * t.name();                           // "counter"
 * t.invokable("increment").orElseThrow().invoke(counter);
 * t.readState(counter);               // {"count":1}
 * }</pre>
 */
public final class ComponentType {

    private final String name;
    private final Class<? extends Component> componentClass;
    private final String templateName;
    private final Transport transport;
    private final boolean lazy;
    private final String lazyPlaceholder;
    private final List<StateField> stateFields;
    private final Map<String, StateField> stateByName;
    private final Map<String, InvokableMethod> invokables;
    private final Map<String, List<ListenerMethod>> listeners;
    private final Map<String, ComputedValue> computed;
    private final List<QueryField> queryFields;
    private final Map<String, UploadProperty> uploads;
    private final MethodHandle plainConstructor;

    private ComponentType(ComponentInspector in) {
        this.componentClass = in.raw.asSubclass(Component.class);
        DiffyneComponent annotation = componentClass.getAnnotation(DiffyneComponent.class);
        this.name = in.name;
        this.templateName = in.template;
        this.transport = annotation.transport();
        Lazy lazyAnnotation = componentClass.getAnnotation(Lazy.class);
        this.lazy = lazyAnnotation != null;
        this.lazyPlaceholder = lazy ? lazyAnnotation.placeholder() : null;
        this.stateFields = List.copyOf(in.stateFields);
        Map<String, StateField> byName = new LinkedHashMap<>();
        stateFields.forEach(f -> byName.put(f.name(), f));
        this.stateByName = Collections.unmodifiableMap(byName);
        this.invokables = Collections.unmodifiableMap(new LinkedHashMap<>(in.invokables));
        Map<String, List<ListenerMethod>> l = new LinkedHashMap<>();
        in.listeners.forEach((event, methods) -> l.put(event, List.copyOf(methods)));
        this.listeners = Collections.unmodifiableMap(l);
        this.computed = Collections.unmodifiableMap(new LinkedHashMap<>(in.computed));
        this.queryFields = List.copyOf(in.queryFields);
        this.uploads = Collections.unmodifiableMap(new LinkedHashMap<>(in.uploads));
        this.plainConstructor = findPlainConstructor(componentClass);
    }

    /**
     * Reads and checks {@code cls}.
     *
     * @throws ComponentDefinitionException listing every problem of the class, each with its fix
     */
    public static ComponentType of(Class<?> cls) {
        ComponentInspector in = new ComponentInspector(cls).inspect();
        if (!in.problems.isEmpty()) {
            throw new ComponentDefinitionException(in.problems);
        }
        return new ComponentType(in);
    }

    /** Package use: inspect without throwing, so the registry can gather problems of many classes. */
    static ComponentInspector inspect(Class<?> cls) {
        return new ComponentInspector(cls).inspect();
    }

    static ComponentType from(ComponentInspector checked) {
        return new ComponentType(checked);
    }

    /** The registered name ({@code diff:component}). */
    public String name() {
        return name;
    }

    public Class<? extends Component> componentClass() {
        return componentClass;
    }

    /** Template name without prefix or suffix: {@code counter} for {@code diffyne/counter.peb}. */
    public String templateName() {
        return templateName;
    }

    /** The declared transport; {@code useTransport} in mount may override it per instance. */
    public Transport transport() {
        return transport;
    }

    /** {@code @Lazy}: the page renders a placeholder and the component loads after the page. */
    public boolean lazy() {
        return lazy;
    }

    /** The {@code @Lazy} placeholder HTML; {@code ""} means the default one; {@code null} when not lazy. */
    public String lazyPlaceholder() {
        return lazyPlaceholder;
    }

    /** State fields, superclass first, in declaration order. */
    public List<StateField> stateFields() {
        return stateFields;
    }

    public Optional<StateField> stateField(String fieldName) {
        return Optional.ofNullable(stateByName.get(fieldName));
    }

    /** The action a client may call under {@code methodName}; empty for anything not {@code @Invokable}. */
    public Optional<InvokableMethod> invokable(String methodName) {
        return Optional.ofNullable(invokables.get(methodName));
    }

    /** All actions by name, sorted. */
    /**
     * The roles the component asks about: those of its {@code @RolesAllowed} actions and of its class's
     * {@code @DeclareRoles}.
     */
    public Set<String> declaredRoles() {
        Set<String> roles = new java.util.TreeSet<>();
        invokables.values().forEach(m -> m.rolesAllowed().ifPresent(roles::addAll));
        jakarta.annotation.security.DeclareRoles declared =
                componentClass.getAnnotation(jakarta.annotation.security.DeclareRoles.class);
        if (declared != null) {
            roles.addAll(List.of(declared.value()));
        }
        return Collections.unmodifiableSet(roles);
    }

    public Map<String, InvokableMethod> invokables() {
        return invokables;
    }

    /** Listeners of {@code event}: the subclass's before the superclass's, each class's by method name; may be empty. */
    public List<ListenerMethod> listeners(String event) {
        return listeners.getOrDefault(event, List.of());
    }

    /** Whether the browser may trigger {@code event} here: its listeners are {@code @On(fromClient = true)}. */
    public boolean fromClient(String event) {
        List<ListenerMethod> methods = listeners(event);
        return !methods.isEmpty() && methods.get(0).fromClient();
    }

    /** Event names this component listens to, sorted: the {@code diff:listeners} attribute. */
    public Set<String> listenedEvents() {
        return listeners.keySet();
    }

    /** {@code @Computed} values by template name, sorted by name. */
    public Map<String, ComputedValue> computed() {
        return computed;
    }

    /** {@code @QueryString} fields in declaration order. */
    public List<QueryField> queryFields() {
        return queryFields;
    }

    /** The upload property named {@code fieldName} ({@code TemporaryUpload} or {@code List<TemporaryUpload>}). */
    public Optional<UploadProperty> uploadProperty(String fieldName) {
        return Optional.ofNullable(uploads.get(fieldName));
    }

    /** Every upload property, by name. */
    public Map<String, UploadProperty> uploadProperties() {
        return uploads;
    }

    /** The current state: field name → value, in field order. Values are the live objects, not copies. */
    public Map<String, Object> readState(Component component) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (StateField f : stateFields) {
            state.put(f.name(), f.get(component));
        }
        return state;
    }

    /** Computed values as suppliers (each call computes again; the template renderer memoizes per render). */
    public Map<String, Supplier<Object>> computedValues(Component component) {
        Map<String, Supplier<Object>> values = new LinkedHashMap<>();
        computed.forEach((key, value) -> values.put(key, () -> value.compute(component)));
        return values;
    }

    /**
     * The query-string values to mirror in the URL ({@code c.q}): parameter → value. A value that is {@code null},
     * an empty string or an empty collection/map is left out unless the field says {@code keep}.
     */
    public Map<String, Object> queryValues(Component component) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (QueryField q : queryFields) {
            Object value = q.field().get(component);
            if (q.keep() || !isEmpty(value)) {
                values.put(q.param(), value);
            }
        }
        return values;
    }

    /**
     * A new instance made by the class's own no-argument constructor, with no injection and no lifecycle: the
     * "fresh" values {@code reset()} restores, and instances for tests.
     *
     * @throws IllegalStateException when the class has no no-argument constructor
     */
    public Component newPlainInstance() {
        if (plainConstructor == null) {
            throw new IllegalStateException(componentClass.getName() + " has no no-argument constructor, which"
                    + " reset() needs to learn the fresh values; add one (it may be protected)");
        }
        try {
            return (Component) plainConstructor.invokeExact();
        } catch (Throwable t) {
            throw InvocationFailedException.rethrow(componentClass.getSimpleName() + "()", t);
        }
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof CharSequence s && s.isEmpty())
                || (value instanceof Collection<?> c && c.isEmpty())
                || (value instanceof Map<?, ?> m && m.isEmpty());
    }

    private static MethodHandle findPlainConstructor(Class<? extends Component> cls) {
        try {
            Constructor<? extends Component> ctor = cls.getDeclaredConstructor();
            ctor.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(ctor)
                    .asType(MethodType.methodType(Component.class));
        } catch (NoSuchMethodException | IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "ComponentType[" + name + " = " + componentClass.getName() + "]";
    }
}
