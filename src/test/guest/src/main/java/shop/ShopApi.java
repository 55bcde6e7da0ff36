package shop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The application's own REST API. No class list: by the Jakarta REST rules it publishes every {@code @Path} and
 * {@code @Provider} class of the WAR, WEB-INF/lib included, which is exactly where a guest framework must not intrude.
 */
@ApplicationPath("api")
public class ShopApi extends Application {
}
