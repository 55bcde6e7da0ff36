package io.diffyne.runtime.meta;

import io.diffyne.component.Component;
import io.diffyne.component.Computed;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.component.Invokable;
import io.diffyne.component.Locked;
import io.diffyne.component.On;
import io.diffyne.component.QueryString;
import io.diffyne.component.State;
import io.diffyne.component.TemporaryUpload;
import io.diffyne.component.spi.Names;
import io.diffyne.component.spi.StateFields;
import io.diffyne.state.StateField;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static io.diffyne.runtime.meta.DefinitionMessages.*;

/**
 * Reads one class's annotations into the parts of a {@link ComponentType}, collecting every problem instead of
 * stopping at the first, so a deployment reports all of them at once.
 */
final class ComponentInspector {

    static final Set<String> RESERVED = Set.of("errors", "component", "_context");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern QUERY_PARAM = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]]{1,100}");

    final Class<?> raw;
    final String cls;
    final List<String> problems = new ArrayList<>();
    final List<StateField> stateFields = new ArrayList<>();
    final Map<String, InvokableMethod> invokables = new TreeMap<>();
    final Map<String, List<ListenerMethod>> listeners = new TreeMap<>();
    final Map<String, ComputedValue> computed = new TreeMap<>();
    final List<QueryField> queryFields = new ArrayList<>();
    final Map<String, UploadProperty> uploads = new TreeMap<>();
    String name;
    String template;

    private final List<Method> methods = new ArrayList<>();

    ComponentInspector(Class<?> raw) {
        this.raw = raw;
        this.cls = raw.getName();
    }

    /** Inspects everything; afterwards {@link #problems} is empty exactly when the class is a valid component. */
    ComponentInspector inspect() {
        DiffyneComponent annotation = raw.getAnnotation(DiffyneComponent.class);
        if (annotation == null) {
            problems.add(String.format(NOT_ANNOTATED, cls));
            return this;
        }
        if (!Component.class.isAssignableFrom(raw)) {
            problems.add(String.format(NOT_A_COMPONENT, cls));
            return this;
        }
        int mod = raw.getModifiers();
        if (Modifier.isAbstract(mod) || raw.isInterface()
                || (raw.getEnclosingClass() != null && !Modifier.isStatic(mod)) || raw.isAnonymousClass()
                || raw.isLocalClass()) {
            problems.add(String.format(NOT_INSTANTIABLE, cls));
        }
        name = annotation.value();
        if (!Names.isComponentName(name)) {
            problems.add(String.format(BAD_NAME, cls, Names.quote(name)));
        }
        template = annotation.template().isEmpty() ? name : annotation.template();
        if (!annotation.template().isEmpty() && !Names.isTemplateName(template)) {
            problems.add(String.format(BAD_TEMPLATE, cls, Names.quote(template)));
        }
        if (raw.isAnnotationPresent(jakarta.annotation.security.RolesAllowed.class)) {
            problems.add(String.format(ROLES_ON_CLASS, cls));
        }
        collectMethods();
        inspectState();
        inspectInvokables();
        inspectListeners();
        inspectComputed();
        return this;
    }

    /**
     * The most-derived declaration of every method below Component (an override decides, not the overridden), the
     * subclass's first, each class's sorted by name and parameters: getDeclaredMethods has no reliable order.
     */
    private void collectMethods() {
        Set<String> seen = new HashSet<>();
        for (Class<?> c = raw; c != null && c != Component.class && c != Object.class; c = c.getSuperclass()) {
            Method[] declared = c.getDeclaredMethods();
            Arrays.sort(declared, Comparator.comparing(Method::getName)
                    .thenComparing(m -> Arrays.toString(m.getParameterTypes())));
            for (Method m : declared) {
                if (m.isBridge() || m.isSynthetic()) {
                    continue;
                }
                boolean overridable = !Modifier.isPrivate(m.getModifiers()) && !Modifier.isStatic(m.getModifiers());
                if (!overridable || seen.add(m.getName() + Arrays.toString(m.getParameterTypes()))) {
                    methods.add(m);
                }
            }
        }
    }

    private void inspectState() {
        Map<String, Field> byName = new HashMap<>();
        Set<Field> stateSet = new HashSet<>(StateFields.of(raw));
        for (Class<?> c = raw; c != null && c != Component.class && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(State.class)) {
                    int mod = f.getModifiers();
                    String owner = f.getDeclaringClass().getName();
                    if (Modifier.isStatic(mod)) {
                        problems.add(String.format(STATE_STATIC, owner, f.getName()));
                    } else if (Modifier.isFinal(mod)) {
                        problems.add(String.format(STATE_FINAL, owner, f.getName()));
                    } else if (Modifier.isTransient(mod)) {
                        problems.add(String.format(STATE_TRANSIENT, owner, f.getName()));
                    }
                }
                if (!stateSet.contains(f)) {
                    if (f.isAnnotationPresent(Locked.class)) {
                        problems.add(String.format(NOT_STATE, f.getDeclaringClass().getName(), f.getName(),
                                "Locked", "Locked"));
                    }
                    if (f.isAnnotationPresent(QueryString.class)) {
                        problems.add(String.format(NOT_STATE, f.getDeclaringClass().getName(), f.getName(),
                                "QueryString", "QueryString"));
                    }
                }
            }
        }
        Map<String, String> params = new HashMap<>();
        io.diffyne.state.StateFields access;
        try {
            access = io.diffyne.state.StateFields.of(raw);
        } catch (io.diffyne.state.StateException e) {
            access = null; // shadowing or a misplaced @State: the checks around here report it with its fix
        }
        for (Field f : StateFields.of(raw)) {
            String owner = f.getDeclaringClass().getName();
            Field earlier = byName.put(f.getName(), f);
            if (earlier != null) {
                problems.add(String.format(STATE_SHADOWED, owner, f.getName(), earlier.getDeclaringClass().getName()));
                continue;
            }
            if (Modifier.isFinal(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) {
                continue; // @State final / transient: reported above
            }
            if (RESERVED.contains(f.getName())) {
                problems.add(String.format(RESERVED_NAME, owner, f.getName(), "field"));
                continue;
            }
            StateField field = access == null ? null : access.get(f.getName());
            if (field != null) {
                stateFields.add(field);
                inspectUpload(f);
            }
            QueryString q = f.getAnnotation(QueryString.class);
            if (q != null) {
                String param = q.as().isEmpty() ? f.getName() : q.as();
                if (!QUERY_PARAM.matcher(param).matches()) {
                    problems.add(String.format(QUERY_BAD_PARAM, owner, f.getName(), Names.quote(param)));
                    continue;
                }
                String other = params.put(param, f.getName());
                if (other != null) {
                    problems.add(String.format(QUERY_DUPLICATE_PARAM, cls, param, other, f.getName()));
                    continue;
                }
                if (field != null) {
                    queryFields.add(new QueryField(field, param, q.history(), q.keep()));
                }
            }
        }
    }

    /** {@code TemporaryUpload x} or {@code List<TemporaryUpload> x}, writable by the client: an upload property. */
    private void inspectUpload(Field f) {
        Type type = f.getGenericType();
        boolean single = type == TemporaryUpload.class;
        boolean multiple = type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] == TemporaryUpload.class;
        String owner = f.getDeclaringClass().getName();
        if (!single && !multiple) {
            if (mentionsUpload(type)) {
                problems.add(String.format(UPLOAD_SHAPE, owner, f.getName(), type.getTypeName()));
            }
            return;
        }
        if (f.isAnnotationPresent(Locked.class) || f.isAnnotationPresent(QueryString.class)) {
            problems.add(String.format(UPLOAD_ANNOTATED, owner, f.getName(),
                    f.isAnnotationPresent(Locked.class) ? "Locked" : "QueryString"));
            return;
        }
        uploads.put(f.getName(), new UploadProperty(f.getName(), multiple));
    }

    private static boolean mentionsUpload(Type type) {
        if (type instanceof Class<?> c) {
            return c == TemporaryUpload.class || c.isArray() && mentionsUpload(c.getComponentType());
        }
        if (type instanceof ParameterizedType p) {
            return Arrays.stream(p.getActualTypeArguments()).anyMatch(ComponentInspector::mentionsUpload);
        }
        if (type instanceof GenericArrayType g) {
            return mentionsUpload(g.getGenericComponentType());
        }
        if (type instanceof WildcardType w) {
            return Arrays.stream(w.getUpperBounds()).anyMatch(ComponentInspector::mentionsUpload);
        }
        return false;
    }

    private void inspectInvokables() {
        Map<String, Integer> counts = new HashMap<>();
        for (Method m : methods) {
            if (!m.isAnnotationPresent(Invokable.class)) {
                if (m.isAnnotationPresent(jakarta.annotation.security.RolesAllowed.class)) {
                    problems.add(String.format(ROLES_NOT_INVOKABLE, m.getDeclaringClass().getName(), m.getName()));
                }
                continue;
            }
            String owner = m.getDeclaringClass().getName();
            int mod = m.getModifiers();
            if (Modifier.isStatic(mod)) {
                problems.add(String.format(INVOKABLE_STATIC, owner, m.getName()));
                continue;
            }
            if (!Modifier.isPublic(mod)) {
                problems.add(String.format(INVOKABLE_NOT_PUBLIC, owner, m.getName()));
                continue;
            }
            if (isLifecycleHook(m)) {
                problems.add(String.format(INVOKABLE_HOOK, owner, m.getName()));
                continue;
            }
            if (counts.merge(m.getName(), 1, Integer::sum) == 2) {
                problems.add(String.format(INVOKABLE_OVERLOADED, cls, m.getName()));
                invokables.remove(m.getName());
                continue;
            }
            if (counts.get(m.getName()) > 2) {
                continue;
            }
            try {
                invokables.put(m.getName(), new InvokableMethod(m));
            } catch (IllegalAccessException | RuntimeException e) {
                problems.add(owner + "." + m.getName() + " cannot be accessed (" + e.getMessage() + ")");
            }
        }
    }

    private void inspectListeners() {
        for (Method m : methods) {
            for (On on : m.getAnnotationsByType(On.class)) {
                String owner = m.getDeclaringClass().getName();
                if (!Names.isEventName(on.value())) {
                    problems.add(String.format(ON_BAD_EVENT, owner, m.getName(), Names.quote(on.value())));
                } else if (Modifier.isStatic(m.getModifiers())) {
                    problems.add(String.format(ON_STATIC, owner, m.getName(), on.value()));
                } else if (m.getParameterCount() > 1) {
                    problems.add(String.format(ON_TOO_MANY_PARAMETERS, owner, m.getName(), on.value(),
                            m.getParameterCount()));
                } else {
                    try {
                        List<ListenerMethod> same = listeners.computeIfAbsent(on.value(), k -> new ArrayList<>());
                        if (!same.isEmpty() && same.get(0).fromClient() != on.fromClient()) {
                            ListenerMethod other = same.get(0);
                            problems.add(String.format(ON_MIXED_FROM_CLIENT, cls, on.value(),
                                    other.fromClient() ? other.method().getName() : m.getName(),
                                    other.fromClient() ? m.getName() : other.method().getName()));
                        }
                        same.add(new ListenerMethod(on.value(), on.fromClient(), m));
                    } catch (IllegalAccessException | RuntimeException e) {
                        problems.add(owner + "." + m.getName() + " cannot be accessed (" + e.getMessage() + ")");
                    }
                }
            }
        }
    }

    private void inspectComputed() {
        Set<String> stateNames = new HashSet<>();
        stateFields.forEach(f -> stateNames.add(f.name()));
        for (Method m : methods) {
            Computed c = m.getAnnotation(Computed.class);
            if (c == null) {
                continue;
            }
            String owner = m.getDeclaringClass().getName();
            String shape = Modifier.isStatic(m.getModifiers()) ? "static"
                    : m.getParameterCount() > 0 ? "takes parameters"
                    : m.getReturnType() == void.class ? "returns void" : null;
            if (shape != null) {
                problems.add(String.format(COMPUTED_SHAPE, owner, m.getName(), shape));
                continue;
            }
            String templateName = c.value().isEmpty() ? ComputedValue.defaultName(m.getName()) : c.value();
            if (!IDENTIFIER.matcher(templateName).matches()) {
                problems.add(String.format(COMPUTED_BAD_NAME, owner, m.getName(), Names.quote(templateName)));
            } else if (RESERVED.contains(templateName)) {
                problems.add(String.format(RESERVED_NAME, owner, templateName, "@Computed value"));
            } else if (stateNames.contains(templateName)) {
                problems.add(String.format(COMPUTED_CLASHES_WITH_STATE, owner, m.getName(), templateName));
            } else if (computed.containsKey(templateName)) {
                problems.add(String.format(COMPUTED_DUPLICATE, cls, templateName,
                        computed.get(templateName).method().getName(), m.getName()));
            } else {
                try {
                    computed.put(templateName, new ComputedValue(templateName, m));
                } catch (IllegalAccessException | RuntimeException e) {
                    problems.add(owner + "." + m.getName() + " cannot be accessed (" + e.getMessage() + ")");
                }
            }
        }
    }

    private static boolean isLifecycleHook(Method m) {
        for (Method hook : Component.class.getDeclaredMethods()) {
            int mod = hook.getModifiers();
            if (!Modifier.isFinal(mod) && !Modifier.isPrivate(mod) && !Modifier.isStatic(mod)
                    && hook.getName().equals(m.getName())
                    && Arrays.equals(hook.getParameterTypes(), m.getParameterTypes())) {
                return true;
            }
        }
        return false;
    }
}
