package io.diffyne.component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A state field mirrored in the page URL's query string. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface QueryString {
    /** Query parameter name; defaults to the field name. */
    String as() default "";

    /** {@code true}: push a history entry on change; {@code false}: replace the current one. */
    boolean history() default true;

    /** Keep the parameter in the URL even when the value is empty. */
    boolean keep() default false;
}
