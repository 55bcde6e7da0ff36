package io.diffyne.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check named {@code diffyne} in the platform's own MicroProfile Health endpoints (Payara's
 * {@code /health/ready}, WildFly's management {@code /health/ready}), next to the application's other checks: the
 * same status and data as {@code <context>/_diffyne/health}. The one class of Diffyne that uses MicroProfile Health;
 * where no MicroProfile Health runtime exists (Tomcat) nothing calls it.
 */
@Readiness
@ApplicationScoped
public class DiffyneReadinessCheck implements org.eclipse.microprofile.health.HealthCheck {

    @Inject
    HealthCheck health;

    // the platform calls the check outside any request of this application: the root is kept at start
    @Inject
    ContextRoot root;

    @Override
    public HealthCheckResponse call() {
        HealthReport report = health.report(root.path());
        return HealthCheckResponse.named(HealthReport.CHECK_NAME)
                .status(report.up())
                .withData("version", report.version())
                .withData("transport", report.transport())
                .withData("websocketPath", report.websocketPath())
                .withData("openConnections", report.openConnections())
                .withData("uptimeSeconds", report.uptimeSeconds())
                .withData("bus", report.bus())
                .withData("busUp", report.busUp())
                .withData("clusterMembers", String.join(",", report.clusterMembers()))
                .build();
    }
}
