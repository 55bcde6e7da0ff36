package io.diffyne.it;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of the integration tests that talk, as a client would, to the WAR the build produced (not a
 * test-assembled archive, so what is tested is what ships) under the context root {@code /diffyne}: on the one
 * {@link SharedPayaraMicro} of the test run, or, for a class annotated {@code @ExtendWith(ArquillianExtension.class)},
 * deployed by Arquillian (as {@code diffyne.war}, {@link #deployment()}). Every test is bounded in time.
 */
@ExtendWith(SharedPayaraMicro.class)
@Timeout(120)
public abstract class AbstractDiffyneIT {

    protected static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    /** The application's base URL, e.g. {@code http://host:port/diffyne/} (set by Arquillian or the shared server). */
    @ArquillianResource
    protected URL base;

    protected final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Deployment(testable = false)
    public static WebArchive deployment() {
        String path = System.getProperty("diffyne.war");
        if (path == null) {
            throw new IllegalStateException("system property diffyne.war is not set: run integration tests with `mvn verify`");
        }
        File war = new File(path);
        if (!war.isFile()) {
            throw new IllegalStateException(war + " does not exist: run `mvn verify`, which packages it first");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** {@code relative} resolved against the application's base, e.g. {@code "health"} or {@code "_diffyne/health"}. */
    protected URI uri(String relative) {
        return loopbackBase().resolve(relative);
    }

    /**
     * The adapter reports the machine's address, but the HTTP listener is bound to 127.0.0.1 (see
     * {@code payara-loopback.preboot}), so requests go to loopback with the reported port and path.
     */
    protected URI loopbackBase() {
        return URI.create("http://127.0.0.1:" + base.getPort() + base.getPath());
    }

    /** The context root as the server reports it, without a trailing slash ({@code "/diffyne"}). */
    protected String contextPath() {
        String path = base.getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    protected HttpResponse<String> get(String relative) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(relative))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> postJson(String relative, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(relative))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
