package io.diffyne.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthPathTest {

    @Test
    void aServletMappedToTheHealthTreeClaimsThePath() {
        // Payara's MicroProfile Health in the application at the context root /
        assertEquals(Optional.of("microprofile-healthcheck-servlet"), HealthPath.claimant(Map.of(
                "default", List.of("/"), "microprofile-healthcheck-servlet", List.of("/health/*"))));
    }

    @Test
    void aServletMappedExactlyToHealthClaimsThePath() {
        assertEquals(Optional.of("mine"), HealthPath.claimant(Map.of("mine", List.of("/status", "/health"))));
    }

    @Test
    void otherMappingsLeaveThePathToDiffyne() {
        assertEquals(Optional.empty(), HealthPath.claimant(Map.of("default", List.of("/"), "jsp", List.of("*.jsp"),
                "everything", List.of("/*"), "near", List.of("/healthz", "/health/ready", "/_diffyne/health"))));
    }
}
