package io.diffyne.component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A derived value readable in the template; never state, never sent to the client as state.
 * The template name is {@link #value()}, or the method name without a {@code get}/{@code is} prefix.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Computed {
    String value() default "";
}
