package io.diffyne.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.health.HealthResource;
import io.diffyne.transport.http.UpdateResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

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
}
