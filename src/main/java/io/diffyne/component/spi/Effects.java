package io.diffyne.component.spi;

import io.diffyne.component.Transport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What a component asked for during one request besides changing its state, collected by its helpers for the runtime
 * to read once the request's component code has run. Each list keeps call order. Not thread-safe.
 *
 * <p>How the runtime writes them (see {@code docs/protocol.md} §4):
 * <pre>
 * events        → "events":[{"name":"message-sent","data":{"room":"general"}},{"name":"saved","data":null,"to":"cart"}]
 * browserEvents → "browserEvents":[{"name":"page-navigated","data":{"page":2}}]
 * redirect      → "redirect":{"url":"/posts","spa":true}
 * broadcasts    → the broadcast bus, never the response
 * errors        → "c.e", or "errors" of a validation_error
 * transport     → "diff:transport" on the mounted markup
 * </pre>
 */
public final class Effects {

    /**
     * A component event for listeners on the page. {@code to} is a component name (every instance of it on the page),
     * or {@code null}; {@code self} targets only the dispatching instance.
     */
    public record Event(String name, Object data, String to, boolean self) {
    }

    /** A DOM {@code CustomEvent} fired on {@code window} with {@code detail = data}. */
    public record BrowserEvent(String name, Object data) {
    }

    /** An event for listening components in every connected client subscribed to {@code channel}, on every node. */
    public record Broadcast(String channel, String name, Object data) {
    }

    /** Navigation after the response: {@code spa} swaps the page in place, otherwise a full page load. */
    public record Redirect(String url, boolean spa) {
    }

    private final List<Event> events = new ArrayList<>();
    private final List<BrowserEvent> browserEvents = new ArrayList<>();
    private final List<Broadcast> broadcasts = new ArrayList<>();
    private final ErrorBag errors = new ErrorBag();
    private Redirect redirect;
    private Transport transport;

    public void addEvent(Event event) {
        events.add(event);
    }

    public void addBrowserEvent(BrowserEvent event) {
        browserEvents.add(event);
    }

    public void addBroadcast(Broadcast broadcast) {
        broadcasts.add(broadcast);
    }

    /** The last redirect asked for wins. */
    public void setRedirect(Redirect redirect) {
        this.redirect = redirect;
    }

    public void setTransport(Transport transport) {
        this.transport = transport;
    }

    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    public List<BrowserEvent> browserEvents() {
        return Collections.unmodifiableList(browserEvents);
    }

    public List<Broadcast> broadcasts() {
        return Collections.unmodifiableList(broadcasts);
    }

    public Optional<Redirect> redirect() {
        return Optional.ofNullable(redirect);
    }

    /** The transport chosen in {@code mount} with {@code useTransport}, if any. */
    public Optional<Transport> transport() {
        return Optional.ofNullable(transport);
    }

    /** The component's validation messages (the runtime may pre-fill them, e.g. to carry errors over). */
    public ErrorBag errors() {
        return errors;
    }
}
