package io.diffyne.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.diffyne.transport.http.AjaxTestClient;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/**
 * Without {@code DIFFYNE_DASHBOARD=true} (the shared deployment's settings) the dashboard and the metrics snapshot
 * answer 404 with a JSON error naming the setting, whatever key is presented.
 */
class DashboardOffIT extends AbstractDiffyneIT {

    @Test
    void theDashboardAndTheSnapshotAreAbsentUntilEnabled() throws Exception {
        for (String path : new String[] {"_diffyne/dashboard", "_diffyne/metrics", "_diffyne/dashboard?key=0123456789abcdef0"}) {
            HttpResponse<String> response = get(path);
            assertEquals(404, response.statusCode(), path + " " + response.body());
            JsonObject body = (JsonObject) AjaxTestClient.parse(response.body());
            assertFalse(body.getBoolean("s"));
            assertEquals("not_found", body.getString("type"));
            assertEquals("The operations dashboard is off: set DIFFYNE_DASHBOARD=true to serve it",
                    body.getString("error"));
        }
    }
}
