package io.diffyne.dashboard;

import static io.diffyne.state.JsonProviders.JSON;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The dashboard's refusals, in the protocol's error shape: 404 when it is off, 403 for a caller without access. */
final class Refusals {

    static final String DISABLED = "The operations dashboard is off: set DIFFYNE_DASHBOARD=true to serve it";
    static final String FORBIDDEN = "Not allowed: log in as a user in DIFFYNE_DASHBOARD_ROLE, or send"
            + " DIFFYNE_DASHBOARD_KEY in the " + DashboardAccess.KEY_HEADER + " header (or open the dashboard once"
            + " with ?key=…)";

    private Refusals() {
    }

    static Response of(DashboardAccess.Verdict verdict) {
        boolean off = verdict == DashboardAccess.Verdict.DISABLED;
        String body = JSON.createObjectBuilder().add("s", false).add("error", off ? DISABLED : FORBIDDEN)
                .add("type", off ? "not_found" : "security_error").build().toString();
        return Response.status(off ? 404 : 403).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").entity(body).build();
    }
}
