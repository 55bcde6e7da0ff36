package io.diffyne.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;

import org.junit.jupiter.api.Test;

class HealthReportTest {

    @Test
    void upReportHasTheMicroProfileHealthShape() {
        HealthReport report = new HealthReport(true, "1.2.3", "websocket", "/app/diffyne", 4, 42);
        assertEquals("{\"status\":\"UP\",\"checks\":[{\"name\":\"diffyne\",\"status\":\"UP\",\"data\":{"
                + "\"version\":\"1.2.3\",\"transport\":\"websocket\",\"websocketPath\":\"/app/diffyne\","
                + "\"openConnections\":4,\"uptimeSeconds\":42,\"bus\":\"local\",\"busUp\":true,\"clusterMembers\":[]}}]}", report.toJson().toString());
        assertEquals(200, report.httpStatus());
    }

    @Test
    void downReportIs503WithDownInBothPlaces() {
        HealthReport report = new HealthReport(false, "1.2.3", "ajax", "/diffyne", 0, 0);
        assertEquals("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"diffyne\",\"status\":\"DOWN\",\"data\":{"
                + "\"version\":\"1.2.3\",\"transport\":\"ajax\",\"websocketPath\":\"/diffyne\","
                + "\"openConnections\":0,\"uptimeSeconds\":0,\"bus\":\"local\",\"busUp\":true,\"clusterMembers\":[]}}]}", report.toJson().toString());
        assertEquals(503, report.httpStatus());
    }

    @Test
    void aLostGridMakesAReadyInstanceDownAndSaysWhy() {
        HealthReport report = new HealthReport(true, "1.2.3", "websocket", "/diffyne", 2, 9, "embedded-hazelcast",
                false, List.of());
        assertEquals("DOWN", report.status());
        assertEquals(503, report.httpStatus());
        assertEquals("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"diffyne\",\"status\":\"DOWN\",\"data\":{"
                + "\"version\":\"1.2.3\",\"transport\":\"websocket\",\"websocketPath\":\"/diffyne\","
                + "\"openConnections\":2,\"uptimeSeconds\":9,\"bus\":\"embedded-hazelcast\",\"busUp\":false,"
                + "\"clusterMembers\":[]}}]}", report.toJson().toString());
    }

    @Test
    void clusterMembersAreListed() {
        HealthReport report = new HealthReport(true, "1.2.3", "websocket", "/diffyne", 0, 1, "payara-hazelcast",
                true, List.of("127.0.0.1:5901", "127.0.0.1:5902"));
        assertEquals(200, report.httpStatus());
        assertEquals("[\"127.0.0.1:5901\",\"127.0.0.1:5902\"]",
                report.toJson().getJsonArray("checks").getJsonObject(0).getJsonObject("data")
                        .getJsonArray("clusterMembers").toString());
    }

    @Test
    void readinessIsDownBeforeStartUpWhileRunningAndDownFromShutdown() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        Readiness readiness = new Readiness(clock);
        assertFalse(readiness.isReady());
        assertEquals(0, readiness.uptimeSeconds());

        readiness.markStarted();
        now.set(now.get().plus(Duration.ofMillis(61_900)));
        assertTrue(readiness.isReady());
        assertEquals(61, readiness.uptimeSeconds());

        readiness.markStopping();
        assertFalse(readiness.isReady());
    }

    @Test
    void versionComesFromTheFilteredResource() {
        assertEquals("0.9.1", BuildInfo.version(stream("version=0.9.1\n")));
        // the real resource, filtered by this build
        assertFalse(BuildInfo.version().startsWith("$"));
        assertTrue(BuildInfo.version().matches("\\d+\\.\\d+\\.\\d+.*"), BuildInfo.version());
    }

    @Test
    void anUnfilteredVersionIsRefusedWithTheFix() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BuildInfo.version(stream("version=${project.version}\n")));
        assertEquals("/diffyne/build.properties has no filtered version: enable resource filtering for it", e.getMessage());
        assertThrows(IllegalStateException.class, () -> BuildInfo.version(null));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
