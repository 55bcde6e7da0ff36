package io.diffyne.health;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Maps {@link HealthServlet} to {@code <context>/health} unless a servlet of this context already answers that path:
 * one mapped to {@code /health} or {@code /health/*}. Listeners start after every servlet container initializer, so
 * the platform's own health is in place by then: Payara's MicroProfile Health maps {@code /health/*} into the
 * application at the context root {@code /} (and skips it if the application maps {@code /health} first, which is why
 * an annotation cannot be used here). Where nothing claims the path (WildFly, whose MicroProfile Health is on the
 * management interface; Tomcat; Payara under a context root of its own) Diffyne's servlet answers it.
 * {@code <context>/_diffyne/health} answers everywhere. Declared in the framework jar's
 * {@code META-INF/web-fragment.xml}, beside the WebSocket deployment.
 */
public class HealthPath implements ServletContextListener {

    static final String PATH = "/health";
    static final String SERVLET_NAME = "diffyne-health";
    private static final Logger LOG = Logger.getLogger("diffyne.health");

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        CDI.current().select(ContextRoot.class).get().set(context.getContextPath());
        Optional<String> platform = claimant(mappings(context.getServletRegistrations()));
        if (platform.isPresent()) {
            LOG.info(() -> context.getContextPath() + PATH + " is served by the servlet " + platform.get()
                    + " (the platform's health); Diffyne's health is at " + context.getContextPath() + "/_diffyne/health"
                    + " and its readiness check is named " + HealthReport.CHECK_NAME);
            return;
        }
        HealthCheck health = CDI.current().select(HealthCheck.class).get();
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME, new HealthServlet(health));
        if (servlet != null) {
            servlet.addMapping(PATH);
        }
        LOG.info(() -> "Diffyne health at " + context.getContextPath() + PATH + " and " + context.getContextPath()
                + "/_diffyne/health");
    }

    /** The name of a servlet mapped to {@code /health} or {@code /health/*}, from servlet names to their mappings. */
    static Optional<String> claimant(Map<String, ? extends Collection<String>> mappings) {
        return mappings.entrySet().stream()
                .filter(e -> e.getValue().contains(PATH) || e.getValue().contains(PATH + "/*"))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst();
    }

    private static Map<String, Collection<String>> mappings(Map<String, ? extends ServletRegistration> servlets) {
        return servlets.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getMappings()));
    }
}
