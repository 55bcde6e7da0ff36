package io.diffyne.bench.server;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;
import java.util.Set;

/**
 * Jakarta REST under {@code /bench/rs} with one resource, {@link EchoResource}: the floor a JAX-RS resource costs on
 * this server, beside the servlet echo the AJAX figures are divided by. Its own application, so none of Diffyne's
 * filters (origin, rate limit) run in front of it.
 */
@ApplicationPath("bench/rs")
public class EchoRestApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(EchoResource.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
