package io.diffyne.transport.http;

import static io.diffyne.state.JsonProviders.JSON;

import io.diffyne.config.DiffyneConfig;
import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.runtime.DiffyneRuntime;
import io.diffyne.runtime.MountResult;
import io.diffyne.transport.DiffyneEndpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.TreeSet;

/**
 * {@code POST /_diffyne/lazy}: mounts a {@code @Lazy} component from the signed ticket its placeholder carried.
 * Request {@code {"ticket":"…"}}; answer
 * {@code {"s":true,"id":"q3Xv9Tz0bA1c","html":"<div diff:id=…>…</div>","listeners":["saved"]}}.
 */
@Path("lazy")
@DiffyneEndpoint
@ApplicationScoped
public class LazyResource {

    /** A ticket is a small signed JSON text; anything longer is not one. */
    static final int MAX_TICKET = 8192;

    private DiffyneRuntime runtime;
    private DiffyneConfig config;

    /**
     * For CDI's proxy, and public because RESTEasy (WildFly) insists on a public constructor for a resource class
     * before it asks CDI for the bean; the instance that handles requests is CDI's, built by the @Inject one.
     */
    public LazyResource() {
        // fields are set by the injecting constructor
    }

    @Inject
    public LazyResource(DiffyneRuntime runtime, DiffyneConfig config) {
        this.runtime = runtime;
        this.config = config;
    }

    @POST
    public Response lazy(InputStream body, @Context HttpHeaders headers, @Context SecurityContext security,
                         @Context HttpServletRequest request) throws IOException {
        var client = ClientIdentity.of(headers, security, request, config.settings().trustedProxies(),
                runtime.declaredRoles());
        JsonStructure root = JsonBody.read(headers, body, Math.min(config.settings().maxMessageSize(), 4 * MAX_TICKET));
        if (!(root instanceof JsonObject object) || !(object.get("ticket") instanceof JsonString ticket)
                || ticket.getString().isEmpty() || ticket.getString().length() > MAX_TICKET) {
            throw new ProtocolException(ErrorType.BAD_REQUEST,
                    "Send {\"ticket\": \"…\"} with the diff:lazy value of the placeholder");
        }
        MountResult mounted = runtime.mountLazy(ticket.getString(), client);
        JsonArrayBuilder listeners = JSON.createArrayBuilder();
        new TreeSet<>(mounted.listeners()).forEach(listeners::add);
        String json = JSON.createObjectBuilder()
                .add("s", true)
                .add("id", mounted.id())
                .add("html", mounted.html())
                .add("listeners", listeners)
                .build().toString();
        return Response.ok(json, ErrorBody.JSON).build();
    }
}
