package io.diffyne.dashboard;

import io.diffyne.metrics.Metrics;
import io.diffyne.transport.DiffyneEndpoint;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET <ctx>/_diffyne/metrics}: this instance's figures as JSON ({@link SnapshotJson}), with every live
 * instance's headline figures under {@code instances}, for servers without a
 * metrics facility of their own and for scripts; behind {@link DashboardAccess} (404 off, 403 without access).
 */
@Path("metrics")
@DiffyneEndpoint
@RequestScoped
public class MetricsResource {

    @Inject
    DashboardAccess access;

    @Inject
    Metrics metrics;

    @Inject
    Instances instances;

    @Inject
    ClusterFigures cluster;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        DashboardAccess.Verdict verdict = access.check(request);
        if (verdict != DashboardAccess.Verdict.ALLOWED) {
            return Refusals.of(verdict);
        }
        return Response.ok(SnapshotJson.of(metrics.snapshot(), instances.self(), cluster.live()).toString(),
                MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }
}
