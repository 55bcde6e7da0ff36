package io.diffyne.component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The page renders a placeholder; the component mounts when it becomes visible (or right after load). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Lazy {
    /** Placeholder HTML (a single element); empty means a small default spinner. */
    String placeholder() default "";
}
