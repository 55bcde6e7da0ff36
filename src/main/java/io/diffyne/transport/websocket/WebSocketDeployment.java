package io.diffyne.transport.websocket;

import io.diffyne.metrics.Metrics;
import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.DiffyneSettings;
import io.diffyne.config.TransportMode;
import io.diffyne.runtime.RateLimiter;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.EnumSet;
import java.util.logging.Level;

/**
 * Registers the handshake filter and the endpoint at {@code DIFFYNE_WS_PATH} when the application starts. Beans are
 * looked up with {@code CDI.current()} because listener injection is not reliable on every server. Declared in the
 * framework jar's {@code META-INF/web-fragment.xml} (not {@code @WebListener}), so the fragment is the one list of what
 * the jar registers in its host.
 */
public class WebSocketDeployment implements ServletContextListener {

    static final String FILTER_NAME = "diffyne-websocket-handshake";
    static final String SERVLET_NAME = "diffyne-websocket";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        CDI<Object> cdi = CDI.current();
        DiffyneSettings settings = cdi.select(DiffyneConfig.class).get().settings();
        HandshakeGuard guard = cdi.select(HandshakeGuard.class).get();
        String path = settings.wsPath();
        if (settings.transport() == TransportMode.AJAX) {
            WebSocketLog.LOG.info(() -> "No WebSocket endpoint: " + DiffyneSettings.TRANSPORT + "=ajax");
            return;
        }

        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, new HandshakeFilter(guard,
                new RateLimiter(settings.wsHandshakeRate()), new ConnectionQuota(settings.wsConnectionsPerClient()),
                cdi.select(Metrics.class).get()));
        if (filter != null) {
            // isMatchAfter=false: before the container's own upgrade filter (Tyrus registers one at /*)
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, path);
        }
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME, new UpgradeRequiredServlet());
        if (servlet != null && !servlet.addMapping(path).isEmpty()) {
            WebSocketLog.LOG.warning(() -> "Another servlet is mapped to " + path + " (" + DiffyneSettings.WS_PATH
                    + "): WebSocket handshakes may not reach the endpoint. Choose a path of its own.");
        }
        ServerContainer container = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
        if (container == null) {
            WebSocketLog.LOG.severe("This server offers no WebSocket container (attribute "
                    + ServerContainer.class.getName() + " missing): Diffyne runs on AJAX only. Set "
                    + DiffyneSettings.TRANSPORT + "=ajax to silence this.");
            return;
        }
        try {
            DiffyneEndpoint endpoint = new DiffyneEndpoint(cdi.select(SocketSessions.class).get());
            container.addEndpoint(ServerEndpointConfig.Builder.create(DiffyneEndpoint.class, path)
                    .configurator(new EndpointConfigurator(guard, endpoint,
                            cdi.select(io.diffyne.runtime.DiffyneRuntime.class).get().declaredRoles())).build());
            WebSocketLog.LOG.info(() -> "Diffyne WebSocket endpoint at " + context.getContextPath() + path);
        } catch (DeploymentException e) {
            WebSocketLog.LOG.log(Level.SEVERE, "Could not register the WebSocket endpoint at " + path
                    + " (check " + DiffyneSettings.WS_PATH + ")", e);
            throw new IllegalStateException("WebSocket endpoint registration failed at " + path, e);
        }
    }
}
