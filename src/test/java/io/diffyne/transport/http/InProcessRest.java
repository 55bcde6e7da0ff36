package io.diffyne.transport.http;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.config.DiffyneSettings;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A real Jakarta REST pipeline (Jersey, as in Payara) without a network: filters, matching, exception mappers and
 * entity writing all run as they do in the server, driven by plain method calls.
 */
final class InProcessRest {

    static final String BASE = "http://app.test:8080/ctx/_diffyne/";
    /** Jersey warns about optional features (WADL, JAXB) missing from the test classpath: not our business. */
    private static final java.util.logging.Logger JERSEY = java.util.logging.Logger.getLogger("org.glassfish.jersey");

    static {
        JERSEY.setLevel(java.util.logging.Level.SEVERE);
    }

    /** What a test sees of a response. */
    record Reply(int status, Map<String, String> headers, byte[] bytes) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String header(String name) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }
    }

    final AtomicReference<String> remoteAddress = new AtomicReference<>("10.0.0.7");
    final AtomicReference<String> principal = new AtomicReference<>();
    /** Headers as the servlet request shows them (lower-case names), which requests also carry. */
    final Map<String, String> servletHeaders = new java.util.concurrent.ConcurrentHashMap<>();
    /** The headers of the request being handled (lower-case names), as its servlet request shows them too. */
    private final AtomicReference<Map<String, String>> current = new AtomicReference<>(Map.of());
    private final ApplicationHandler handler;

    InProcessRest(Object... components) {
        ResourceConfig config = new ResourceConfig();
        HttpServletRequest servlet = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remoteAddress.get();
                    case "getHeader" -> current.get().get(((String) args[0]).toLowerCase());
                    case "getContentType" -> current.get().get("content-type");
                    case "getContentLengthLong" -> Long.parseLong(current.get().getOrDefault("content-length", "-1"));
                    case "getServletPath" -> "/" + io.diffyne.transport.DiffyneEndpoint.PATH;
                    case "getUserPrincipal" -> principal.get() == null ? null : (Principal) principal::get;
                    case "isUserInRole" -> false;
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    case "toString" -> "FakeServletRequest";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        for (Object component : components) {
            if (component instanceof RateLimitFilter filter) {
                // CDI gives it the container's request; here, the fake one
                filter.servletRequest(servlet);
            }
            config.register(component);
        }
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(servlet).to(HttpServletRequest.class);
            }
        });
        handler = new ApplicationHandler(config);
    }

    static DiffyneConfig config(Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("DIFFYNE_WS_KEY", "0123456789abcdef0123"));
        all.putAll(values);
        DiffyneSettings settings = DiffyneSettings.load(name -> Optional.ofNullable(all.get(name)));
        return new DiffyneConfig() {
            @Override
            public DiffyneSettings settings() {
                return settings;
            }
        };
    }

    Reply post(String path, String contentType, String body, String... headers) {
        return call("POST", path, contentType, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                headers);
    }

    Reply get(String path, String... headers) {
        return call("GET", path, null, InputStream.nullInputStream(), headers);
    }

    /** {@code headers}: name, value, name, value … */
    Reply call(String method, String path, String contentType, InputStream body, String... headers) {
        SecurityContext security = new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                String name = principal.get();
                return name == null ? null : () -> name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return principal.get() == null ? null : "BASIC";
            }
        };
        ContainerRequest request = new ContainerRequest(URI.create(BASE), URI.create(BASE + path), method, security,
                new MapPropertiesDelegate(), handler.getConfiguration());
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        // a servlet container's Jakarta REST request carries the servlet request's headers too
        servletHeaders.forEach(request::header);
        Map<String, String> seen = new LinkedHashMap<>(servletHeaders);
        request.getHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), values.get(0)));
        current.set(seen);
        request.setEntityStream(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ContainerResponse response = handler.apply(request, out).get();
            Map<String, String> replyHeaders = new LinkedHashMap<>();
            response.getStringHeaders().forEach((name, values) -> replyHeaders.put(name, String.join(",", values)));
            return new Reply(response.getStatus(), replyHeaders, out.toByteArray());
        } catch (Exception e) {
            throw new AssertionError("in-process request failed", e);
        }
    }
}
