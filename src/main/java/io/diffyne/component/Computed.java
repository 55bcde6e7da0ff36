package io.diffyne.component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A derived value readable in the template; never state, never sent to the client as state.
 * The template name is {@link #value()}, or the method name without a {@code get}/{@code is} prefix
 * ({@code getFullName} → {@code fullName}, {@code isEmpty} → {@code empty}). The method is an instance method with no
 * parameter that returns a value; it runs at most once per render, and only if the template reads it. The name must
 * differ from every state field and from {@code errors} and {@code component}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Computed {
    String value() default "";
}
