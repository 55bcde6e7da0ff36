package io.diffyne.transport.http;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/**
 * Jakarta REST under {@code <context>/_diffyne} only, so the application's own pages, static files and the WebSocket
 * path stay with the servlet container.
 */
@ApplicationPath("_diffyne")
public class DiffyneApplication extends Application {

    /** Jersey (Payara, Tomcat flavour) would otherwise publish a WADL of every endpoint and answer OPTIONS with it. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
