package io.diffyne.transport.http;

import io.diffyne.dashboard.DashboardResource;
import io.diffyne.dashboard.MetricsResource;
import io.diffyne.health.HealthResource;
import io.diffyne.transport.DiffyneEndpoint;
import io.diffyne.transport.websocket.TokenResource;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;
import java.util.Set;

/**
 * Jakarta REST under {@code <context>/_diffyne} only, so the application's own pages, static files and the WebSocket
 * path stay with the servlet container.
 * <p>
 * A guest in its host's WAR: {@link #getClasses()} lists Diffyne's resources and providers, so the host's own
 * {@code @Path} and {@code @Provider} classes are not published here (with an empty list, Jakarta REST 3.1, 2.3.2,
 * would publish every one in the WAR). The filters and the exception mapper carry no {@code @Provider}, so a host
 * application that finds providers by scanning does not pick them up: they act on Diffyne's endpoints only. The
 * resources carry {@link DiffyneEndpoint}, which keeps them out of a host application that finds them by scanning.
 */
@ApplicationPath(DiffyneEndpoint.PATH)
public class DiffyneApplication extends Application {

    static final Set<Class<?>> CLASSES = Set.of(
            UpdateResource.class, LazyResource.class, UploadResource.class, PreviewResource.class,
            EventsResource.class, TokenResource.class, HealthResource.class, MetricsResource.class,
            DashboardResource.class,
            OriginGuard.class, RateLimitFilter.class, FailureMapper.class);

    @Override
    public Set<Class<?>> getClasses() {
        return CLASSES;
    }

    /** Jersey (Payara, Tomcat flavour) would otherwise publish a WADL of every endpoint and answer OPTIONS with it. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
