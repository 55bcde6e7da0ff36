package io.diffyne.transport;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a {@link DiffyneEndpoint} resource method run only for a request that came through Diffyne's application,
 * i.e. was dispatched by the servlet mapped at {@code /_diffyne/*}. Any other (a host application that picked the
 * resource up by scanning) gets a plain {@link NotFoundException}, which that application's runtime answers as its
 * own 404. Only resource methods and locators (an HTTP method annotation or {@code @Path}) are checked.
 */
@DiffyneEndpoint
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class DiffyneEndpointGuard {

    private static final String SERVLET_PATH = "/" + DiffyneEndpoint.PATH;

    /** Whether each method intercepted so far is a resource method: asked on every request, answered once. */
    private static final Map<Method, Boolean> RESOURCE_METHODS = new ConcurrentHashMap<>();

    @Inject
    HttpServletRequest request;

    @AroundInvoke
    public Object onlyInDiffynesApplication(InvocationContext invocation) throws Exception {
        if (isResourceMethod(invocation.getMethod())) {
            refuseOutside(request);
        }
        return invocation.proceed();
    }

    /**
     * The check itself, for a resource that makes it without the interceptor ({@code @DiffyneEndpoint(intercepted =
     * false)}): {@link NotFoundException} unless {@code request} came through Diffyne's application.
     */
    public static void refuseOutside(HttpServletRequest request) {
        if (!SERVLET_PATH.equals(request.getServletPath())) {
            throw new NotFoundException();
        }
    }

    static boolean isResourceMethod(Method method) {
        return RESOURCE_METHODS.computeIfAbsent(method, DiffyneEndpointGuard::annotatedAsResourceMethod);
    }

    private static boolean annotatedAsResourceMethod(Method method) {
        if (method.isAnnotationPresent(Path.class)) {
            return true;
        }
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }
}
