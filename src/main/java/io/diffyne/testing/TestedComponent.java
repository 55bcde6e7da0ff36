package io.diffyne.testing;

import io.diffyne.component.Component;
import io.diffyne.protocol.ErrorType;
import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.runtime.meta.ComponentType;
import io.diffyne.state.StateField;
import io.diffyne.state.StateSerializer;
import io.diffyne.state.ValueCoercer;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * One mounted component, as a browser holds it: act on it ({@link #call}, {@link #set}, {@link #dispatch}, …) and
 * assert on what the browser would show and receive. Actions and assertions return {@code this}:
 *
 * <pre>{@code
 * form.set("email", "not-an-email").call("submit")
 *     .assertHasErrors("email")
 *     .assertText("#email-error", "Please enter a valid email address");
 * }</pre>
 *
 * <p>Each action is one protocol request with the snapshot the last response left. What an action brings back is a
 * round: the action's own response, and the responses of the events and broadcasts it set off that reached this
 * component. {@link #assertOk()}, {@link #assertError}, {@link #patches()} and the validation assertions read the
 * first response of the round (for the component acted on, the action's own); the event, browser event, redirect
 * and broadcast assertions look at every response of the round. A refused action leaves the component as it was.
 *
 * @param <C> the component class
 */
public final class TestedComponent<C extends Component> {

    private final TestBrowser browser;
    private final ComponentType type;
    private final ClientCopy copy;
    private final Map<String, Object> deferred = new LinkedHashMap<>();
    private final List<Received> round = new ArrayList<>();

    TestedComponent(TestBrowser browser, ComponentType type, ClientCopy copy) {
        this.browser = browser;
        this.type = type;
        this.copy = copy;
    }

    // ---- actions ----

    /**
     * Calls the {@code @Invokable} method {@code method} with {@code args}, sent as JSON and coerced to the declared
     * parameter types as a browser's call is; the values {@link #fill} queued travel with it as {@code updates}.
     */
    public TestedComponent<C> call(String method, Object... args) {
        JsonArrayBuilder params = Json.createArrayBuilder();
        for (Object arg : args) {
            params.add(StateSerializer.toJson(arg));
        }
        return act(withUpdates(Json.createObjectBuilder().add("type", "call").add("method", method)
                .add("params", params)));
    }

    /** Sets a property as a live {@code diff:model} does: one {@code update} request, with its hooks. */
    public TestedComponent<C> set(String property, Object value) {
        return act(Json.createObjectBuilder().add("type", "update").add("property", property)
                .add("value", StateSerializer.toJson(value)));
    }

    /**
     * Queues property values as deferred {@code diff:model} bindings do: nothing is sent until the next
     * {@link #call} or {@link #dispatch}, which carries them as {@code updates} applied before it runs.
     */
    public TestedComponent<C> fill(Map<String, ?> values) {
        deferred.putAll(values);
        return this;
    }

    /**
     * Dispatches {@code event} to this component as another component of the page would ({@code dispatch(event,
     * data)} on the server): with the pass the server issues, so server-side {@code @On} listeners run.
     */
    public TestedComponent<C> dispatch(String event, Object data) {
        JsonValue json = StateSerializer.toJson(data);
        return act(withUpdates(Json.createObjectBuilder().add("type", "event").add("event", event).add("data", json)
                .add("pass", browser.pagePass(event, json))));
    }

    /** {@link #dispatch(String, Object)} with no data. */
    public TestedComponent<C> dispatch(String event) {
        return dispatch(event, null);
    }

    /**
     * Dispatches {@code event} as the browser's own {@code $dispatch} does: without a pass, so only listeners marked
     * {@code @On(fromClient = true)} run, and any other is refused with a {@code security_error}.
     */
    public TestedComponent<C> dispatchFromBrowser(String event, Object data) {
        return act(withUpdates(Json.createObjectBuilder().add("type", "event").add("event", event)
                .add("data", StateSerializer.toJson(data))));
    }

    /**
     * A broadcast on {@code channel} reaching this component, relayed from the event stream with its sealed pass as
     * the browser relays it; the server checks the component is on that channel.
     */
    public TestedComponent<C> receiveBroadcast(String channel, String event, Object data) {
        browser.startRound();
        browser.deliver(this, new BroadcastMessage(channel, event, StateSerializer.toJson(data), "test"));
        return this;
    }

    /** Asks for the whole component again ({@code render}), as the browser does when a patch does not apply. */
    public TestedComponent<C> render() {
        return act(Json.createObjectBuilder().add("type", "render"));
    }

    // ---- what the browser holds ----

    /** The component's HTML as the browser shows it now (mount markup with every response applied). */
    public String html() {
        return markup().html();
    }

    /** Its visible text, whitespace collapsed. */
    public String text() {
        return markup().text();
    }

    /** The state in the signed snapshot the browser holds. */
    public JsonObject state() {
        return copy.state();
    }

    /** A state field's value, read from the snapshot into its declared Java type. */
    @SuppressWarnings("unchecked")
    public <T> T get(String field) {
        StateField declared = field(field);
        return (T) ValueCoercer.coerce(copy.state().get(field), declared.type(), field);
    }

    /** The component id ({@code diff:id}). */
    public String id() {
        return copy.id();
    }

    /** The registered name ({@code diff:component}). */
    public String name() {
        return copy.name();
    }

    /** The snapshot's version: 1 after mount, one more after every action that issued a new one. */
    public long version() {
        return copy.version();
    }

    /** The first response of the last round (the last action's own, for the component acted on). */
    public JsonObject response() {
        if (round.isEmpty()) {
            throw Failures.fail("Component '" + name() + "' received no response in the last round: the test did not"
                    + " act on it since, and no event or broadcast of the last action reached it");
        }
        return round.get(0).response();
    }

    /** The patches of {@link #response()} ({@code c.p}), as the wire carries them. */
    public JsonArray patches() {
        JsonValue c = response().get("c");
        return c instanceof JsonObject o && o.containsKey("p") ? o.getJsonArray("p") : JsonValue.EMPTY_JSON_ARRAY;
    }

    /** The validation errors of {@link #response()}: field → messages; empty when none. */
    public Map<String, List<String>> errors() {
        JsonObject response = response();
        JsonValue errors = response.containsKey("errors") ? response.get("errors")
                : response.get("c") instanceof JsonObject c ? c.get("e") : null;
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (errors instanceof JsonObject o) {
            o.forEach((field, messages) -> map.put(field, messages.asJsonArray().getValuesAs(
                    jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList()));
        }
        return map;
    }

    // ---- assertions on what is shown ----

    /** The visible text contains each of {@code texts} (whitespace collapsed). */
    public TestedComponent<C> assertSee(String... texts) {
        String shown = text();
        for (String text : texts) {
            if (!shown.contains(Markup.collapse(text))) {
                throw Failures.mismatch("'" + name() + "' does not show '" + text + "'" + lastFailure(), text, shown);
            }
        }
        return this;
    }

    /** The visible text contains none of {@code texts}. */
    public TestedComponent<C> assertDontSee(String... texts) {
        String shown = text();
        for (String text : texts) {
            if (shown.contains(Markup.collapse(text))) {
                throw Failures.fail("'" + name() + "' shows '" + text + "', which it should not: " + shown
                        + lastFailure());
            }
        }
        return this;
    }

    /** The HTML contains {@code html} as written (attributes in the component's order, text escaped). */
    public TestedComponent<C> assertSeeHtml(String html) {
        if (!html().contains(html)) {
            throw Failures.mismatch("'" + name() + "' has no '" + html + "' in its HTML" + lastFailure(), html, html());
        }
        return this;
    }

    /** At least one element matches the CSS selector {@code css}. */
    public TestedComponent<C> assertPresent(String css) {
        first(css);
        return this;
    }

    /** No element matches {@code css}. */
    public TestedComponent<C> assertMissing(String css) {
        Elements found = markup().select(css);
        if (!found.isEmpty()) {
            throw Failures.fail("'" + name() + "' has " + found.size() + " element(s) matching '" + css + "': "
                    + found.first().outerHtml() + lastFailure());
        }
        return this;
    }

    /** Exactly {@code count} elements match {@code css}. */
    public TestedComponent<C> assertCount(String css, int count) {
        int found = markup().select(css).size();
        if (found != count) {
            throw Failures.mismatch("Elements of '" + name() + "' matching '" + css + "'" + lastFailure(), count, found);
        }
        return this;
    }

    /** The first element matching {@code css} has the visible text {@code text} (whitespace collapsed). */
    public TestedComponent<C> assertText(String css, String text) {
        String actual = first(css).text();
        if (!actual.equals(Markup.collapse(text))) {
            throw Failures.mismatch("Text of '" + css + "' in '" + name() + "'" + lastFailure(), text, actual);
        }
        return this;
    }

    /** The first element matching {@code css} has the attribute {@code attribute} with the value {@code value}. */
    public TestedComponent<C> assertAttribute(String css, String attribute, String value) {
        Element element = first(css);
        if (!element.hasAttr(attribute)) {
            throw Failures.mismatch("'" + css + "' in '" + name() + "' has no attribute '" + attribute + "': "
                    + element.outerHtml() + lastFailure(), value, null);
        }
        if (!element.attr(attribute).equals(value)) {
            throw Failures.mismatch("Attribute '" + attribute + "' of '" + css + "' in '" + name() + "'"
                    + lastFailure(), value, element.attr(attribute));
        }
        return this;
    }

    // ---- assertions on the state ----

    /** The state field {@code field} holds {@code expected}, compared as JSON ({@code 2} equals {@code 2L}). */
    public TestedComponent<C> assertSet(String field, Object expected) {
        field(field);
        String actual = Failures.json(copy.state().get(field));
        String wanted = Failures.json(expected);
        if (!actual.equals(wanted)) {
            throw Failures.mismatch("State field '" + field + "' of '" + name() + "'" + lastFailure(), wanted, actual);
        }
        return this;
    }

    /** The state field {@code field} does not hold {@code unexpected}. */
    public TestedComponent<C> assertNotSet(String field, Object unexpected) {
        field(field);
        if (Failures.json(copy.state().get(field)).equals(Failures.json(unexpected))) {
            throw Failures.fail("State field '" + field + "' of '" + name() + "' holds " + Failures.json(unexpected)
                    + ", which it should not" + lastFailure());
        }
        return this;
    }

    // ---- assertions on the outcome of the last action ----

    /** The first response of the round is a success. */
    public TestedComponent<C> assertOk() {
        ErrorType error = error();
        if (error != null) {
            throw Failures.mismatch("The last action on '" + name() + "' failed: " + response().getString("error", ""),
                    "success", error.wireName());
        }
        return this;
    }

    /** The first response of the round is a failure of type {@code expected}. */
    public TestedComponent<C> assertError(ErrorType expected) {
        ErrorType error = error();
        if (error != expected) {
            throw Failures.mismatch("Outcome of the last action on '" + name() + "'" + (error == null ? ""
                    : ": " + response().getString("error", "")), expected.wireName(),
                    error == null ? "success" : error.wireName());
        }
        return this;
    }

    /** The last action was refused as a {@code security_error} (a call of a non-invokable, a {@code @Locked} write). */
    public TestedComponent<C> assertSecurityError() {
        return assertError(ErrorType.SECURITY_ERROR);
    }

    /** Each of {@code fields} has a validation error; with no fields, at least one field has one. */
    public TestedComponent<C> assertHasErrors(String... fields) {
        Map<String, List<String>> errors = errors();
        if (fields.length == 0 && errors.isEmpty()) {
            throw Failures.fail("'" + name() + "' has no validation errors" + lastFailure());
        }
        for (String field : fields) {
            if (!errors.containsKey(field)) {
                throw Failures.mismatch("'" + name() + "' has no validation error on '" + field + "'" + lastFailure(),
                        field, errors.keySet());
            }
        }
        return this;
    }

    /** {@code field} has a validation error with the message {@code message}. */
    public TestedComponent<C> assertHasError(String field, String message) {
        List<String> messages = errors().getOrDefault(field, List.of());
        if (!messages.contains(message)) {
            throw Failures.mismatch("Validation errors of '" + field + "' in '" + name() + "'" + lastFailure(),
                    List.of(message), messages);
        }
        return this;
    }

    /** None of {@code fields} has a validation error; with no fields, none at all. */
    public TestedComponent<C> assertHasNoErrors(String... fields) {
        Map<String, List<String>> errors = errors();
        List<String> wrong = fields.length == 0 ? List.copyOf(errors.keySet())
                : java.util.Arrays.stream(fields).filter(errors::containsKey).toList();
        if (!wrong.isEmpty()) {
            throw Failures.fail("'" + name() + "' has validation errors on " + wrong + ": " + errors);
        }
        return this;
    }

    /** A component event {@code event} was dispatched during the round. */
    public TestedComponent<C> assertDispatched(String event) {
        return assertEffect("events", "dispatched the event", event, false, null);
    }

    /** A component event {@code event} was dispatched during the round with {@code data} (compared as JSON). */
    public TestedComponent<C> assertDispatched(String event, Object data) {
        return assertEffect("events", "dispatched the event", event, true, data);
    }

    /** No component event {@code event} was dispatched during the round. */
    public TestedComponent<C> assertNotDispatched(String event) {
        if (!named("events", event).isEmpty()) {
            throw Failures.fail("'" + name() + "' dispatched '" + event + "': " + named("events", event));
        }
        return this;
    }

    /** A browser event ({@code dispatchBrowserEvent}) {@code event} was sent during the round. */
    public TestedComponent<C> assertBrowserEvent(String event) {
        return assertEffect("browserEvents", "sent the browser event", event, false, null);
    }

    /** A browser event {@code event} with {@code data} (compared as JSON) was sent during the round. */
    public TestedComponent<C> assertBrowserEvent(String event, Object data) {
        return assertEffect("browserEvents", "sent the browser event", event, true, data);
    }

    /** The round redirected the browser to {@code url}. */
    public TestedComponent<C> assertRedirect(String url) {
        Optional<JsonObject> redirect = redirect();
        String actual = redirect.map(r -> r.getString("url")).orElse(null);
        if (!url.equals(actual)) {
            throw Failures.mismatch("Redirect of '" + name() + "'" + lastFailure(), url, actual);
        }
        return this;
    }

    /** The round did not redirect. */
    public TestedComponent<C> assertNoRedirect() {
        redirect().ifPresent(r -> {
            throw Failures.fail("'" + name() + "' redirected to " + r);
        });
        return this;
    }

    /** The last action fired the broadcast {@code event} on {@code channel}. */
    public TestedComponent<C> assertBroadcast(String channel, String event) {
        return assertBroadcast(channel, event, b -> true, channel + " " + event);
    }

    /** The last action fired the broadcast {@code event} on {@code channel} with {@code data} (compared as JSON). */
    public TestedComponent<C> assertBroadcast(String channel, String event, Object data) {
        String wanted = Failures.json(data);
        return assertBroadcast(channel, event, b -> Failures.json(b.data()).equals(wanted),
                channel + " " + event + " " + wanted);
    }

    /** The patches of the last action, compared as JSON: {@code [{"t":"t","p":[1,0,0],"x":"1"}]}. */
    public TestedComponent<C> assertPatches(String json) {
        String wanted = Failures.json(Json.createReader(new java.io.StringReader(json)).readValue());
        String actual = Failures.json(patches());
        if (!wanted.equals(actual)) {
            throw Failures.mismatch("Patches of the last action on '" + name() + "'", wanted, actual);
        }
        return this;
    }

    /** The last action sent {@code count} patches. */
    public TestedComponent<C> assertPatchCount(int count) {
        if (patches().size() != count) {
            throw Failures.mismatch("Number of patches of the last action on '" + name() + "': " + patches(), count,
                    patches().size());
        }
        return this;
    }

    // ---- for the browser ----

    ClientCopy copy() {
        return copy;
    }

    void startRound() {
        round.clear();
    }

    void receive(Received received) {
        round.add(received);
    }

    private TestedComponent<C> act(JsonObjectBuilder request) {
        browser.act(this, request);
        return this;
    }

    private JsonObjectBuilder withUpdates(JsonObjectBuilder request) {
        if (!deferred.isEmpty()) {
            JsonObjectBuilder updates = Json.createObjectBuilder();
            deferred.forEach((name, value) -> updates.add(name, StateSerializer.toJson(value)));
            request.add("updates", updates);
            deferred.clear();
        }
        return request;
    }

    private Markup markup() {
        return new Markup(copy.tree());
    }

    private Element first(String css) {
        Elements found = markup().select(css);
        if (found.isEmpty()) {
            throw Failures.fail("No element of '" + name() + "' matches '" + css + "'" + lastFailure() + "\n" + html());
        }
        return found.first();
    }

    private StateField field(String field) {
        return type.stateField(field).orElseThrow(() -> Failures.fail("'" + name() + "' has no state field '" + field
                + "'; its state fields: " + type.stateFields().stream().map(StateField::name).toList()));
    }

    private ErrorType error() {
        JsonObject response = response();
        if (response.getBoolean("s", false)) {
            return null;
        }
        String wire = response.getString("type", "");
        for (ErrorType type : ErrorType.values()) {
            if (type.wireName().equals(wire)) {
                return type;
            }
        }
        throw Failures.fail("A failure of unknown type '" + wire + "': " + response);
    }

    /** Why the last action may explain a failed check: it was refused. */
    private String lastFailure() {
        if (round.isEmpty() || response().getBoolean("s", false)) {
            return "";
        }
        return " (the last action was refused: " + response().getString("type", "") + ": "
                + response().getString("error", "") + ")";
    }

    private List<JsonObject> named(String key, String event) {
        List<JsonObject> found = new ArrayList<>();
        for (Received received : round) {
            if (received.response().get(key) instanceof JsonArray array) {
                array.getValuesAs(JsonObject.class).stream().filter(e -> event.equals(e.getString("name")))
                        .forEach(found::add);
            }
        }
        return found;
    }

    /** Some response of the round carries {@code key} entry named {@code event} (with {@code data}, if asked). */
    private TestedComponent<C> assertEffect(String key, String what, String event, boolean withData, Object data) {
        String wanted = withData ? Failures.json(data) : null;
        Predicate<JsonObject> matches = e -> wanted == null || Failures.json(e.get("data")).equals(wanted);
        if (named(key, event).stream().noneMatch(matches)) {
            List<String> all = new ArrayList<>();
            round.forEach(r -> {
                if (r.response().get(key) instanceof JsonArray array) {
                    array.getValuesAs(JsonObject.class)
                            .forEach(e -> all.add(e.getString("name") + " " + Failures.json(e.get("data"))));
                }
            });
            throw Failures.mismatch("'" + name() + "' never " + what + " '" + event + "'" + lastFailure(),
                    wanted == null ? event : event + " " + wanted, all);
        }
        return this;
    }

    private Optional<JsonObject> redirect() {
        for (Received received : round) {
            if (received.response().get("redirect") instanceof JsonObject redirect) {
                return Optional.of(redirect);
            }
        }
        return Optional.empty();
    }

    private TestedComponent<C> assertBroadcast(String channel, String event, Predicate<BroadcastMessage> matches,
                                               String expected) {
        List<BroadcastMessage> fired = new ArrayList<>();
        round.forEach(r -> fired.addAll(r.broadcasts()));
        boolean found = fired.stream().anyMatch(b -> Objects.equals(b.channel(), channel) && b.name().equals(event)
                && matches.test(b));
        if (!found) {
            throw Failures.mismatch("'" + name() + "' did not broadcast '" + event + "' on '" + channel + "'"
                    + lastFailure(), expected, fired.stream().map(b -> b.channel() + " " + b.name() + " "
                    + Failures.json(b.data())).toList());
        }
        return this;
    }
}
