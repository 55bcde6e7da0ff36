package io.diffyne.health;

import io.diffyne.transport.DiffyneEndpoint;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET <context>/_diffyne/health}. A CDI bean by its own annotation (request scoped, as the token resource): under
 * {@code bean-discovery-mode="annotated"} no specification promises injection into a plain resource class, although
 * Payara (Jersey) and WildFly 39 (RESTEasy, which makes {@code @Path} classes beans) both do it.
 */
@Path("health")
@DiffyneEndpoint
@RequestScoped
public class HealthResource {

    @Inject
    HealthCheck health;

    @Context
    ServletContext servletContext;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        HealthReport report = health.report(servletContext.getContextPath());
        return Response.status(report.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(report.toJson().toString())
                .build();
    }
}
