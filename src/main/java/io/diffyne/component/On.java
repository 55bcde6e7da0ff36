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
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(On.List.class)
public @interface On {
    String value();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        On[] value();
    }
}
