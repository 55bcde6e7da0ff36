package io.diffyne.transport.http;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Jakarta REST under {@code <context>/_diffyne} only, so the application's own pages, static files and the WebSocket
 * path stay with the servlet container.
 */
@ApplicationPath("_diffyne")
public class DiffyneApplication extends Application {
}
