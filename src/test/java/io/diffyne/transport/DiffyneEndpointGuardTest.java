package io.diffyne.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.health.HealthResource;
import io.diffyne.transport.http.EventsResource;
import io.diffyne.transport.http.LazyResource;
import io.diffyne.transport.http.UpdateResource;
import io.diffyne.transport.http.UploadResource;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;

import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;

class DiffyneEndpointGuardTest {

    static class Sample {
        @Path("sub")
        public Object locator() {
            return null;
        }

        @GET
        public String get() {
            return "";
        }

        public String helper() {
            return "";
        }
    }

    @Test
    void resourceMethodsAndLocatorsAreCheckedOtherMethodsAreNot() throws Exception {
        assertTrue(DiffyneEndpointGuard.isResourceMethod(Sample.class.getMethod("locator")));
        assertTrue(DiffyneEndpointGuard.isResourceMethod(Sample.class.getMethod("get")));
        assertFalse(DiffyneEndpointGuard.isResourceMethod(Sample.class.getMethod("helper")));
        assertTrue(DiffyneEndpointGuard.isResourceMethod(HealthResource.class.getMethod("get")));
        assertTrue(java.util.Arrays.stream(UpdateResource.class.getMethods())
                .anyMatch(DiffyneEndpointGuard::isResourceMethod));
    }

    static HttpServletRequest servedAt(String servletPath) {
        return (HttpServletRequest) Proxy.newProxyInstance(DiffyneEndpointGuardTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getServletPath")) {
                        return servletPath;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theInlineCheckLetsOnlyDiffynesServletPathThrough() {
        DiffyneEndpointGuard.refuseOutside(servedAt("/_diffyne"));
        for (String other : new String[] {"/api", "", "/_diffyne/update", "/_DIFFYNE"}) {
            assertThrows(NotFoundException.class, () -> DiffyneEndpointGuard.refuseOutside(servedAt(other)), other);
        }
    }

    @Test
    void updateResourceChecksItselfAndEveryOtherResourceIsIntercepted() {
        assertFalse(UpdateResource.class.getAnnotation(DiffyneEndpoint.class).intercepted());
        for (Class<?> resource : new Class<?>[] {HealthResource.class, LazyResource.class, UploadResource.class,
                EventsResource.class}) {
            assertTrue(resource.getAnnotation(DiffyneEndpoint.class).intercepted(), resource.getName());
        }
    }
}
