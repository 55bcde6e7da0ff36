package io.diffyne.component;

import io.diffyne.component.spi.ComponentAccess;
import io.diffyne.component.spi.ComponentContext;
import io.diffyne.component.spi.Effects;
import io.diffyne.component.spi.Names;
import io.diffyne.component.spi.StateFields;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Base class of every Diffyne component: a Java class whose state lives in fields and whose HTML comes from a Pebble
 * template. Mark it with {@link DiffyneComponent}.
 *
 * <pre>{@code
 * @DiffyneComponent("contact-form")
 * public class ContactForm extends Component {
 *     @NotBlank @Size(min = 3) public String name = "";
 *     @NotBlank @Email public String email = "";
 *     public boolean sent;
 *
 *     @Invokable public void submit() {
 *         validate();                       // throws ValidationFailedException: the page shows the errors
 *         sent = true;
 *         reset("name", "email");           // back to "" and ""
 *         dispatch("contact-sent", Map.of("by", "form"));
 *     }
 * }
 * }</pre>
 *
 * <p><b>State</b> is every public non-static, non-transient, non-final field, plus fields annotated {@link State}; it
 * travels to the browser in the signed snapshot, so it must be JSON-friendly (primitives, strings, lists, maps, records,
 * enums) and hold nothing secret. Mark fields the client must not write {@link Locked}.
 *
 * <p><b>Lifecycle</b>: {@link #mount(Map)} on the first render only; {@link #hydrate()} on every later request once
 * state is restored; {@link #updating(String, Object)} / {@link #updated(String)} around each property the client
 * writes; {@link #rendering()} / {@link #rendered()} around every render.
 *
 * <p><b>Helpers</b> ({@code dispatch…}, {@code redirect}, {@code validate…}, {@code getId} …) work while the runtime
 * runs the component — in hooks, actions, listeners and computed values — not in a constructor or
 * {@code @PostConstruct}, where they throw {@link IllegalStateException}.
 */
public abstract class Component {

    private static final int MAX_URL_LENGTH = 2048;

    static {
        ComponentAccess.install(new AccessHooks());
    }

    /** The per-request context; never state (private, not {@link State}), never serialized. */
    private transient ComponentContext context;

    // ---------------------------------------------------------------- lifecycle hooks

    /**
     * First render only, after the {@link QueryString} fields were read from the page URL and before rendering.
     *
     * @param params the parameters the page passed ({@code Diffyne.mount("counter", Map.of("start", 5))}); never null
     */
    protected void mount(Map<String, Object> params) {
    }

    /** Every request after the first, once the state is restored from the snapshot and before anything else. */
    protected void hydrate() {
    }

    /**
     * Before the client's value is assigned to {@code property}; throw (e.g. {@link ValidationFailedException}) to
     * refuse it — the runtime then keeps the old value.
     *
     * @param value the new value, already converted to the field's type
     */
    protected void updating(String property, Object value) {
    }

    /** After the client's value was assigned to {@code property}. */
    protected void updated(String property) {
    }

    /** Just before the template renders. */
    protected void rendering() {
    }

    /** Just after the template rendered. */
    protected void rendered() {
    }

    // ---------------------------------------------------------------- identity and connection

    /** This instance's id ({@code diff:id}), stable across requests. */
    public final String getId() {
        return context().componentId();
    }

    /** Whether the current request arrived over an open WebSocket (otherwise AJAX, or a first page render). */
    public final boolean isWebSocketConnected() {
        return context().webSocketConnected();
    }

    /**
     * Who this request acts for: the signed-in user's name and declared roles, or {@link Caller#anonymous()}. An
     * {@link Invokable} that only some roles may run is annotated {@code @jakarta.annotation.security.RolesAllowed};
     * the runtime refuses the others with {@code security_error} before the component runs.
     */
    protected final Caller caller() {
        return context().caller();
    }

    /**
     * Chooses the transport this instance's requests use, overriding {@link DiffyneComponent#transport()}. Only in
     * {@link #mount(Map)}: the choice is written into the markup once.
     */
    protected final void useTransport(Transport transport) {
        Objects.requireNonNull(transport, "transport");
        ComponentContext ctx = context();
        if (!ctx.mounting()) {
            throw new IllegalStateException("useTransport(" + transport + ") in " + getClass().getSimpleName()
                    + " outside mount(): the transport is written into the markup at mount; call it from mount()");
        }
        ctx.effects().setTransport(transport);
    }

    /**
     * The page URL's query parameters (first value of each) while mounting; empty on later requests. Fields marked
     * {@link QueryString} are filled from it automatically.
     */
    protected final Map<String, String> query() {
        return context().query();
    }

    // ---------------------------------------------------------------- state

    /**
     * Puts the named state fields (all of them when none is named) back to the values a freshly constructed instance
     * has — what the field initializers and the no-argument constructor set.
     *
     * @throws IllegalArgumentException when a name is not a state field
     */
    protected final void reset(String... fields) {
        Component fresh = context().newDefaultInstance();
        if (!fresh.getClass().isInstance(this)) {
            throw new IllegalStateException("reset(): the context supplied a " + fresh.getClass().getName()
                    + ", not a " + getClass().getName());
        }
        Map<String, Field> state = new LinkedHashMap<>();
        for (Field f : StateFields.of(fresh.getClass())) {
            state.put(f.getName(), f);
        }
        List<Field> chosen = new ArrayList<>();
        if (fields.length == 0) {
            chosen.addAll(state.values());
        }
        for (String name : fields) {
            Field f = state.get(name);
            if (f == null) {
                throw new IllegalArgumentException("reset(\"" + name + "\"): " + fresh.getClass().getSimpleName()
                        + " has no state field '" + name + "'; state fields are " + state.keySet());
            }
            chosen.add(f);
        }
        for (Field f : chosen) {
            try {
                f.setAccessible(true);
                f.set(this, f.get(fresh));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("reset(): cannot write field " + f, e);
            }
        }
    }

    // ---------------------------------------------------------------- events and navigation

    /** Dispatches an event without data to the listeners on this page (this component's included). */
    protected final void dispatch(String name) {
        dispatch(name, null);
    }

    /** Dispatches an event to every {@link On} listener of any component on this page. */
    protected final void dispatch(String name, Object data) {
        effects().addEvent(new Effects.Event(eventName(name), data, null, false));
    }

    /** Dispatches an event only to the instances of the component named {@code componentName} on this page. */
    protected final void dispatchTo(String componentName, String name, Object data) {
        if (!Names.isComponentName(componentName)) {
            throw new IllegalArgumentException("dispatchTo(" + Names.quote(componentName)
                    + ", …): not a component name; use the name given in @DiffyneComponent");
        }
        effects().addEvent(new Effects.Event(eventName(name), data, componentName, false));
    }

    /** Dispatches an event only to this instance's own listeners. */
    protected final void dispatchSelf(String name, Object data) {
        effects().addEvent(new Effects.Event(eventName(name), data, null, true));
    }

    /** Fires {@code new CustomEvent(name, {detail: data})} on the browser's {@code window}. */
    protected final void dispatchBrowserEvent(String name, Object data) {
        effects().addBrowserEvent(new Effects.BrowserEvent(eventName(name), data));
    }

    /** The channel every component is on unless it overrides {@link #channels()}. */
    public static final String GLOBAL_CHANNEL = "global";

    /**
     * The broadcast channels this component listens on, computed from its state after every request (a chat room:
     * {@code Set.of("chat." + room)}). Its {@code @On} listeners receive broadcasts of these channels only.
     * Defaults to {@link #GLOBAL_CHANNEL}.
     */
    protected Set<String> channels() {
        return Set.of(GLOBAL_CHANNEL);
    }

    /** {@link #broadcast(String, String, Object)} on {@link #GLOBAL_CHANNEL}. */
    protected final void broadcast(String name, Object data) {
        broadcast(GLOBAL_CHANNEL, name, data);
    }

    /**
     * Sends an event to the listening components of every client subscribed to {@code channel}, on every server
     * instance (a chat room: {@code broadcast("chat." + room, "message-sent", Map.of("id", id))}).
     */
    protected final void broadcast(String channel, String name, Object data) {
        if (!Names.isChannelName(channel)) {
            throw new IllegalArgumentException("broadcast(" + Names.quote(channel)
                    + ", …): a channel is letters, digits and _ . : / - (at most 100 characters)");
        }
        effects().addBroadcast(new Effects.Broadcast(channel, eventName(name), data));
    }

    /**
     * After this request, loads {@code url} as a new page. The action still completes; the last redirect wins.
     *
     * @param url a relative URL or an absolute {@code http(s)} URL
     */
    protected final void redirect(String url) {
        effects().setRedirect(new Effects.Redirect(checkedUrl(url), false));
    }

    /** Like {@link #redirect(String)} but in place: the client fetches the page and swaps it in (SPA navigation). */
    protected final void navigate(String url) {
        effects().setRedirect(new Effects.Redirect(checkedUrl(url), true));
    }

    // ---------------------------------------------------------------- validation

    /**
     * Validates every constraint of this component (Bean Validation). Replaces all recorded errors with the result;
     * throws when there is any.
     *
     * @throws ValidationFailedException carrying every error, field by field
     */
    protected final void validate() {
        Set<ConstraintViolation<Component>> violations = validator().validate(this);
        effects().errors().replaceAll(ViolationMessages.group(getClass(), violations));
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(effects().errors().asMap());
        }
    }

    /**
     * Validates only the named properties ({@code Validator.validateProperty}), replacing their recorded errors and
     * keeping the others'.
     *
     * @throws ValidationFailedException when one of them fails, carrying every recorded error
     * @throws IllegalArgumentException when a name is not a field of this component
     */
    protected final void validate(String... fields) {
        if (fields.length == 0) {
            validate();
            return;
        }
        Validator validator = validator();
        List<Field> known = ViolationMessages.declaredFields(getClass());
        List<ConstraintViolation<Component>> violations = new ArrayList<>();
        for (String name : fields) {
            if (known.stream().noneMatch(f -> f.getName().equals(name))) {
                throw new IllegalArgumentException("validate(\"" + name + "\"): " + getClass().getSimpleName()
                        + " has no field '" + name + "'");
            }
            violations.addAll(validator.validateProperty(this, name));
        }
        effects().errors().clear(fields);
        ViolationMessages.group(getClass(), violations).forEach((field, messages) ->
                messages.forEach(m -> effects().errors().add(field, m)));
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(effects().errors().asMap());
        }
    }

    /** Records an error message for {@code field} without throwing; it is shown like a validation error. */
    protected final void addError(String field, String message) {
        effects().errors().add(Objects.requireNonNull(field, "field"), Objects.requireNonNull(message, "message"));
    }

    /** Forgets the errors of the named fields, or all errors when none is named. */
    protected final void resetValidation(String... fields) {
        effects().errors().clear(fields);
    }

    /** The errors recorded in this request: field → messages (read-only, live). */
    public final Map<String, List<String>> errors() {
        return effects().errors().asMap();
    }

    // ---------------------------------------------------------------- internals

    private ComponentContext context() {
        ComponentContext ctx = context;
        if (ctx == null) {
            throw new IllegalStateException("No Diffyne request context is attached to " + getClass().getName()
                    + ": getId(), dispatch(), validate() and the other helpers work only while the runtime runs the"
                    + " component (mount, hooks, actions, listeners, rendering), not in a constructor or"
                    + " @PostConstruct");
        }
        return ctx;
    }

    private Effects effects() {
        return context().effects();
    }

    private Validator validator() {
        Validator v = context().validator();
        if (v == null) {
            throw new IllegalStateException("validate() in " + getClass().getSimpleName()
                    + ": no Bean Validation provider is available; deploy to a Jakarta EE server or add"
                    + " Hibernate Validator to the application");
        }
        return v;
    }

    private static String eventName(String name) {
        if (!Names.isEventName(name)) {
            throw new IllegalArgumentException("Event name " + Names.quote(name)
                    + " is not valid: use letters, digits and _ . : / - (at most 100 characters), e.g. 'message-sent'");
        }
        return name;
    }

    private static String checkedUrl(String url) {
        Objects.requireNonNull(url, "url");
        if (url.isEmpty() || url.length() > MAX_URL_LENGTH || url.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("Redirect URL " + Names.quote(url)
                    + " is not valid: it must be 1–2048 characters without spaces or control characters");
        }
        int colon = url.indexOf(':');
        int firstDelimiter = firstIndexOf(url, "/?#");
        if (colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter)) {
            String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("Redirect URL " + Names.quote(url)
                        + " has scheme '" + scheme + "': only relative, http and https URLs are allowed");
            }
        }
        return url;
    }

    private static int firstIndexOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The runtime's way in, handed to {@link ComponentAccess} once. */
    private static final class AccessHooks implements ComponentAccess.Hooks {
        @Override
        public void attach(Component component, ComponentContext ctx) {
            component.context = ctx;
        }

        @Override
        public ComponentContext detach(Component component) {
            ComponentContext old = component.context;
            component.context = null;
            return old;
        }

        @Override
        public ComponentContext context(Component component) {
            return component.context;
        }

        @Override
        public void mount(Component component, Map<String, Object> params) {
            component.mount(params);
        }

        @Override
        public void hydrate(Component component) {
            component.hydrate();
        }

        @Override
        public void updating(Component component, String property, Object value) {
            component.updating(property, value);
        }

        @Override
        public void updated(Component component, String property) {
            component.updated(property);
        }

        @Override
        public void rendering(Component component) {
            component.rendering();
        }

        @Override
        public void rendered(Component component) {
            component.rendered();
        }

        @Override
        public Set<String> channels(Component component) {
            return component.channels();
        }
    }
}
