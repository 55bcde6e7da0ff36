package io.diffyne.component;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Stereotype;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Component} subclass as a Diffyne component registered under {@link #value()}.
 * A CDI stereotype: instances are created by CDI ({@code @Dependent}, one per request), so {@code @Inject} works.
 *
 * <pre>{@code
 * @DiffyneComponent("counter")
 * public class Counter extends Component { public int count; @Invokable public void increment() { count++; } }
 * }</pre>
 * The template is {@code diffyne/<template or value>.peb} on the class path. Keep the default {@code @Dependent}
 * scope: the runtime owns one instance per request (or per WebSocket connection) and a different scope fails the
 * deployment.
 */
@Stereotype
@Dependent
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DiffyneComponent {

    /** The component's public name, used in markup and requests. Lower-case letters, digits, '-', '.', '/'. */
    String value();

    /** Template name; defaults to {@link #value()}. */
    String template() default "";

    /** Which transport the browser uses for this component. */
    Transport transport() default Transport.DEFAULT;
}
