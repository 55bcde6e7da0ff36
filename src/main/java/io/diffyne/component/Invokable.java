package io.diffyne.component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method an action: only methods carrying this annotation can be run by a client {@code call}
 * ({@code diff:click="add('milk', 2)"}). The method must be a public instance method, its name unique among the
 * component's actions (clients call by name: no overloads), and not a lifecycle hook. Its parameters are converted
 * from the request's JSON like state values. On an override, the most-derived declaration decides: an override
 * without {@code @Invokable} is not callable. A wrong declaration fails the deployment with a message naming the fix.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Invokable {
}
