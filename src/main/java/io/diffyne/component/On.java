package io.diffyne.component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method a listener for the named event (page events, and broadcasts on the component's channels).
 * Reachable only through events, never by a {@code call}. The method takes no parameter, or one: the event data
 * (a {@code Map}, a record/POJO, or a single value), coerced like any request parameter. Any visibility, never
 * static; repeat the annotation to listen to several events. Several methods of one component may listen to the same
 * event: subclass methods run first, each class's in method-name order.
 *
 * <p>Listeners are server-side by default: they hear what components dispatch and broadcast, which the browser
 * relays to the page's other components with a signed pass it cannot forge; an {@code event} request without a
 * valid pass is refused as {@code security_error}. A listener that browser code may trigger ({@code $dispatch(…)} in
 * a template, {@code Diffyne.dispatch(…)} from JavaScript) says so with {@code fromClient = true}: its data is then
 * client input, to check like an {@code @Invokable}'s parameters.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(On.List.class)
public @interface On {
    String value();

    /**
     * Whether the browser may trigger this listener with data of its own choosing (an unsigned {@code event}
     * request). All listeners of one event in one component agree on it.
     */
    boolean fromClient() default false;

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        On[] value();
    }
}
