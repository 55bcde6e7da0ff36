package io.diffyne.transport;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Diffyne Jakarta REST resource: it answers only inside Diffyne's own application, under {@link #PATH}.
 * <p>
 * Why: a root resource class ({@code @Path} on the class) in a {@code WEB-INF/lib} jar is part of every Jakarta REST
 * application of the WAR whose {@code getClasses()} and {@code getSingletons()} are empty (Jakarta REST 3.1, 2.3.2:
 * "all root resource classes and providers packaged in the web application MUST be included"), on Jersey (Payara) and
 * RESTEasy (WildFly) alike. A host's {@code @ApplicationPath("api")} with no class list would otherwise serve
 * {@code /api/update} without Diffyne's origin guard, rate limit and error mapping, which only Diffyne's application
 * registers. Inside another application these resources answer 404, as if they were not there.
 * <p>
 * {@link DiffyneEndpointGuard} intercepts each call to check that. A resource marked {@code intercepted = false} makes
 * the same check itself, first thing ({@link DiffyneEndpointGuard#refuseOutside}). {@code UpdateResource} does that,
 * because every AJAX action passes through it and Weld's interception cost it about 20 µs of CPU a request with 64
 * clients at once (BENCHMARKS.md).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DiffyneEndpoint {

    /** Diffyne's Jakarta REST application path under the context root (its servlet path is {@code "/" + PATH}). */
    String PATH = "_diffyne";

    /**
     * Whether {@link DiffyneEndpointGuard} intercepts the resource's methods (a binding member: the guard binds to
     * {@code true} only).
     */
    boolean intercepted() default true;
}
