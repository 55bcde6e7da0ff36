package io.diffyne.runtime;

import io.diffyne.component.Component;
import io.diffyne.component.spi.ComponentAccess;
import io.diffyne.component.spi.Effects;
import io.diffyne.component.spi.Names;
import io.diffyne.component.spi.StandardComponentContext;
import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.runtime.meta.ComponentInstance;
import io.diffyne.runtime.meta.ComponentType;
import io.diffyne.runtime.meta.InvokableMethod;
import io.diffyne.runtime.meta.ListenerMethod;
import io.diffyne.state.StateField;
import io.diffyne.state.CoercionException;
import io.diffyne.state.StateHydrator;
import io.diffyne.state.StateSerializer;
import io.diffyne.state.ValueCoercer;
import io.diffyne.template.TemplateRenderer;
import io.diffyne.template.TemplateView;
import io.diffyne.trace.Stages;
import io.diffyne.vdom.HtmlParser;
import io.diffyne.vdom.SizedTree;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.Validator;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One component instance's work for one request: created through CDI, context attached, then hydrate or mount,
 * property updates, the action, render. Closing it detaches the context and releases the instance. Client mistakes
 * surface as {@link ProtocolException}s with a message safe to show; component code's own exceptions pass through.
 */
final class ComponentRun implements AutoCloseable {

    private final ComponentType type;
    private final ComponentInstance instance;
    private final Component component;
    private final StandardComponentContext context;
    private final UploadFields uploads;
    private String renderedHtml = "";

    ComponentRun(ComponentType type, ComponentInstance instance, String id, boolean mounting, ClientContext client,
                 Validator validator, UploadFields uploads) {
        this.type = type;
        this.uploads = uploads;
        this.instance = instance;
        this.component = instance.component();
        this.context = StandardComponentContext.builder(id, type.name())
                .mounting(mounting)
                .webSocketConnected(client.webSocket())
                .caller(client.caller())
                .validator(validator)
                .defaults(type::newPlainInstance)
                .build();
        ComponentAccess.attach(component, context);
    }

    ComponentType type() {
        return type;
    }

    String id() {
        return context.componentId();
    }

    Effects effects() {
        return context.effects();
    }

    /** First render: page parameters that name state fields are assigned, then {@code mount(params)}. */
    void mount(Map<String, Object> params) {
        for (Map.Entry<String, Object> param : params.entrySet()) {
            type.stateField(param.getKey()).ifPresent(field -> field.set(component,
                    ValueCoercer.coerce(StateSerializer.toJson(param.getValue()), field.type(), field.name())));
        }
        ComponentAccess.mount(component, params);
    }

    /** Later requests: restore the verified state, then {@code hydrate()}. */
    void hydrate(JsonObject state) {
        StateHydrator.hydrate(component, state, uploads.reader());
        ComponentAccess.hydrate(component);
    }

    /**
     * A client's property update: only existing, unlocked state fields, an upload property only to uploads made for
     * it ({@link UploadFields#assign}); {@code updating}/{@code updated} around it.
     */
    void update(String property, JsonValue value) {
        StateField field = type.stateField(property).orElseThrow(() -> new ProtocolException(ErrorType.PROPERTY_ERROR,
                "Property '" + property + "' is not state of component '" + type.name() + "'"));
        if (field.locked()) {
            throw new ProtocolException(ErrorType.SECURITY_ERROR,
                    "Property '" + property + "' of component '" + type.name() + "' is @Locked: the client cannot change it");
        }
        if ((value == null || value.getValueType() == JsonValue.ValueType.NULL) && isContainer(field.rawType())) {
            // component code iterates its lists without a null check, as Java code does: a client may empty one,
            // not take it away (found by the protocol fuzzer: TodoList.todos = null failed the render)
            throw new ProtocolException(ErrorType.PROPERTY_ERROR, "Property '" + property + "' of component '"
                    + type.name() + "' is a collection: send an empty one ([] or {}), not null");
        }
        Object coerced;
        try {
            var upload = type.uploadProperty(property);
            coerced = upload.isPresent() ? uploads.assign(upload.get(), value)
                    : ValueCoercer.coerce(value, field.type(), property);
        } catch (CoercionException e) {
            throw new ProtocolException(ErrorType.PROPERTY_ERROR, e.clientMessage());
        }
        ComponentAccess.updating(component, property, coerced);
        field.set(component, coerced);
        ComponentAccess.updated(component, property);
    }

    private static boolean isContainer(Class<?> type) {
        return type.isArray() || java.util.Collection.class.isAssignableFrom(type) || java.util.Map.class.isAssignableFrom(type);
    }

    void updateAll(JsonObject updates) {
        for (Map.Entry<String, JsonValue> update : updates.entrySet()) {
            update(update.getKey(), update.getValue());
        }
    }

    /** A {@code call}: only {@code @Invokable} methods, parameters coerced to their declared types. */
    void call(String method, JsonArray params) {
        InvokableMethod target = type.invokable(method).orElseThrow(() -> new ProtocolException(ErrorType.METHOD_ERROR,
                "Method '" + method + "' is not callable on component '" + type.name()
                        + "': only public methods annotated @Invokable are"));
        List<Type> types = target.parameterTypes();
        if (params.size() != types.size()) {
            throw new ProtocolException(ErrorType.METHOD_ERROR, "Method '" + method + "' takes " + types.size()
                    + " parameter(s), got " + params.size());
        }
        Object[] args = new Object[types.size()];
        for (int i = 0; i < args.length; i++) {
            try {
                args[i] = ValueCoercer.coerce(params.get(i), types.get(i), method + "[" + i + "]");
            } catch (CoercionException e) {
                throw new ProtocolException(ErrorType.METHOD_ERROR, e.clientMessage());
            }
        }
        target.invoke(component, args);
    }

    /**
     * An event: every {@code @On(event)} listener of the component, with the data coerced to its parameter. One the
     * server did not issue ({@code fromServer} false: no valid pass) reaches only {@code @On(fromClient = true)}
     * listeners and is refused otherwise.
     */
    boolean listen(String event, JsonValue data, boolean fromServer) {
        if (!fromServer && !type.fromClient(event)) {
            throw new ProtocolException(ErrorType.SECURITY_ERROR, "Event '" + event + "' of component '" + type.name()
                    + "' has no pass from the server, and its listeners are server-side: a listener the browser may"
                    + " trigger is marked @On(value = \"" + event + "\", fromClient = true)");
        }
        List<ListenerMethod> listeners = type.listeners(event);
        for (ListenerMethod listener : listeners) {
            Object argument = null;
            if (listener.parameterType().isPresent()) {
                try {
                    argument = ValueCoercer.coerce(data, listener.parameterType().get(), event);
                } catch (CoercionException e) {
                    throw new ProtocolException(ErrorType.BAD_REQUEST, "Event '" + event + "': " + e.clientMessage());
                }
            }
            listener.invoke(component, argument);
        }
        return !listeners.isEmpty();
    }

    /** Renders the template once and parses it into the tree that is diffed and kept, with its estimated heap. */
    SizedTree render(TemplateRenderer templates) {
        ComponentAccess.rendering(component);
        String html = renderedHtml = templates.render(new TemplateView(type.templateName(), id(), type.name(),
                type.readState(component), type.computedValues(component), context.effects().errors().asMap()));
        ComponentAccess.rendered(component);
        Stages.mark("template.render");
        SizedTree tree = HtmlParser.parseSized(html);
        Stages.mark("html.parse");
        return tree;
    }

    /** The HTML of the last {@link #render}, before parsing ("" before the first). */
    String renderedHtml() {
        return renderedHtml;
    }

    JsonObject state() {
        return StateSerializer.serialize(component);
    }

    Map<String, Object> queryValues() {
        return type.queryValues(component);
    }

    /** Deletes the uploads {@code before} held in upload properties that this run's state holds no more. */
    void dropUploads(JsonObject before, JsonObject after) {
        if (!type.uploadProperties().isEmpty()) {
            uploads.delete(uploads.dropped(before, after));
        }
    }

    /** The channels the component is on now; a name outside the channel rule is a bug of the component. */
    Set<String> channels() {
        Set<String> channels = ComponentAccess.channels(component);
        if (channels == null || !channels.stream().allMatch(Names::isChannelName)) {
            throw new IllegalStateException("channels() of component '" + type.name() + "' returned " + channels
                    + ": return a set of names of letters, digits and _ . : / - (at most " + Names.MAX_LENGTH
                    + " characters)");
        }
        return channels;
    }

    @Override
    public void close() {
        ComponentAccess.detach(component);
        instance.close();
    }
}
