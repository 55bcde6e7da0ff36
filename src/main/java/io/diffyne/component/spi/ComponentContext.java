package io.diffyne.component.spi;

import io.diffyne.component.Caller;
import io.diffyne.component.Component;
import jakarta.validation.Validator;

import java.util.Map;

/**
 * Everything a component's helpers need from the request that is running it. The runtime creates one per component
 * per request (usually a {@link StandardComponentContext}), attaches it with
 * {@link ComponentAccess#attach(Component, ComponentContext)} before the first hook and detaches it after rendering,
 * then reads {@link #effects()}.
 */
public interface ComponentContext {

    /** The component instance id ({@code diff:id}). */
    String componentId();

    /** The registered component name ({@code diff:component}). */
    String componentName();

    /** {@code true} while the component is being mounted (first render); {@code false} on later requests. */
    boolean mounting();

    /** Whether the request arrived over an open WebSocket connection. */
    boolean webSocketConnected();

    /** Who the request acts for; anonymous unless the context says otherwise. */
    default Caller caller() {
        return Caller.anonymous();
    }

    /** The Bean Validation validator, or {@code null} when none is available (validation helpers then fail). */
    Validator validator();

    /** The page's query parameters (first value of each) during mount; empty on later requests. */
    Map<String, String> query();

    /** The collector the helpers record into. */
    Effects effects();

    /**
     * A new instance of the component's class made by its plain constructor, without injection: the "fresh" values
     * {@code reset()} restores.
     *
     * @throws IllegalStateException when the class cannot be built that way (no no-argument constructor)
     */
    Component newDefaultInstance();
}
