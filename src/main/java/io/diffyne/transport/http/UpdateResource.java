package io.diffyne.transport.http;

import io.diffyne.metrics.Metrics;
import io.diffyne.config.DiffyneConfig;
import io.diffyne.protocol.ActionRequest;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.protocol.RequestReader;
import io.diffyne.runtime.ActionResult;
import io.diffyne.runtime.ClientContext;
import io.diffyne.runtime.DiffyneRuntime;
import io.diffyne.trace.Stages;
import io.diffyne.transport.DiffyneEndpoint;
import io.diffyne.transport.DiffyneEndpointGuard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

/**
 * {@code POST /_diffyne/update}: one action (a JSON object) answered with its result and that result's status, or a
 * batch (an array, the client flushing its queue) answered 200 with an array of per-action results in order (a
 * malformed action's result is its own {@code bad_request}). A batch of N actions costs N units of
 * {@code DIFFYNE_RATE_LIMIT} ({@link RateLimitFilter} took the first): when the client cannot afford the rest, the
 * whole batch is refused with 429 and every action's requestId, and nothing of it runs.
 * <p>
 * Every AJAX action comes through here, so it asks Jakarta REST for nothing but the body and the servlet request (the
 * client header, content type and length, principal and roles are the servlet request's), and it checks that it runs
 * in Diffyne's application itself rather than through {@link DiffyneEndpointGuard}'s interceptor. Each of Jersey's
 * {@code @Context} parameters and Weld's interception added CPU time to every request (BENCHMARKS.md).
 */
@Path("update")
@DiffyneEndpoint(intercepted = false)
@ApplicationScoped
public class UpdateResource {

    private DiffyneRuntime runtime;
    private DiffyneConfig config;
    private HttpRateLimit limit;
    private Metrics metrics = Metrics.detached();

    /**
     * For CDI's proxy, and public because RESTEasy (WildFly) insists on a public constructor for a resource class
     * before it asks CDI for the bean; the instance that handles requests is CDI's, built by the @Inject one.
     */
    public UpdateResource() {
        // fields are set by the injecting constructor
    }

    /** Without a rate limit (tests of the resource alone). */
    public UpdateResource(DiffyneRuntime runtime, DiffyneConfig config) {
        this(runtime, config, HttpRateLimit.off());
    }

    public UpdateResource(DiffyneRuntime runtime, DiffyneConfig config, HttpRateLimit limit) {
        this(runtime, config, limit, Metrics.detached());
    }

    @Inject
    public UpdateResource(DiffyneRuntime runtime, DiffyneConfig config, HttpRateLimit limit, Metrics metrics) {
        this.runtime = runtime;
        this.config = config;
        this.limit = limit;
        this.metrics = metrics;
    }

    @POST
    public Response update(InputStream body, @Context HttpServletRequest request) throws IOException {
        Stages.mark("jaxrs.dispatch");
        DiffyneEndpointGuard.refuseOutside(request);
        ClientContext client = ClientIdentity.of(request, config.settings().trustedProxies(), runtime.declaredRoles());
        metrics.ajaxClient(client.clientId());
        Stages.mark("http.client");
        JsonStructure root = JsonBody.read(request, body, config.settings().maxMessageSize());
        Stages.mark("json.parse");
        if (root instanceof JsonObject object) {
            ActionRequest action = RequestReader.read(object);
            Stages.mark("request.read");
            ActionResult result = runtime.handle(action, client);
            Stages.mark("runtime.return");
            Response response = Response.status(result.httpStatus()).type(ErrorBody.JSON).entity(utf8(result.json()))
                    .build();
            Stages.mark("response.build");
            return response;
        }
        List<JsonObject> actions = RequestReader.batch((JsonArray) root);
        if (actions.size() > 1) {
            long wait = limit.acquire(request, actions.size() - 1);
            if (wait > 0) {
                return RateLimitFilter.refusal(wait, root);
            }
        }
        StringJoiner results = new StringJoiner(",", "[", "]");
        for (JsonObject action : actions) {
            results.add(answer(action, client));
        }
        return Response.ok(utf8(results.toString()), ErrorBody.JSON).build();
    }

    /**
     * The answer as bytes: Jersey writes a byte[] entity as it is, where a String goes through a new
     * OutputStreamWriter (and its 8 KiB encoder buffer) per response.
     */
    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** One action of a batch: a malformed one is refused alone, in its place, with its requestId. */
    private String answer(JsonObject action, ClientContext client) {
        ActionRequest request;
        try {
            request = RequestReader.read(action);
        } catch (ProtocolException refused) {
            return ErrorBody.json(refused);
        }
        return runtime.handle(request, client).json();
    }
}
