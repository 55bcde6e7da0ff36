package io.diffyne.transport.websocket;

import io.diffyne.protocol.ActionRequest;
import io.diffyne.protocol.ErrorType;
import io.diffyne.runtime.ActionResult;
import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.runtime.ClientContext;
import io.diffyne.runtime.DiffyneRuntime;
import io.diffyne.runtime.LiveComponent;
import io.diffyne.runtime.MountResult;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A runtime that answers {@code {"s":true,"c":{"i":<id>},"requestId":<id>}}, registers the component as live on the
 * channel named by a {@code join} call's first parameter, and answers broadcasts for the listening components.
 */
final class FakeRuntime implements DiffyneRuntime {

    final List<ActionRequest> handled = new ArrayList<>();
    final List<ClientContext> contexts = new ArrayList<>();
    RuntimeException failWith;
    /** Broadcast deliveries rendered so far; {@link #duringDeliver} runs after each. */
    int delivered;
    Runnable duringDeliver = () -> { };

    @Override
    public MountResult mount(String component, Map<String, Object> params, ClientContext client) {
        throw new UnsupportedOperationException("not used by the WebSocket transport");
    }

    @Override
    public MountResult mountLazy(String ticket, ClientContext client) {
        throw new UnsupportedOperationException("not used by the WebSocket transport");
    }

    @Override
    public ActionResult handle(ActionRequest request, ClientContext client) {
        if (failWith != null) {
            throw failWith;
        }
        handled.add(request);
        contexts.add(client);
        if ("join".equals(request.method())) {
            client.live().put(new LiveComponent(request.componentId(), "chat", 1, "sig", JsonValue.EMPTY_JSON_OBJECT,
                    null, Set.of("message-sent"), Set.of(request.params().getString(0)), 0, 0));
        }
        if ("deny".equals(request.method())) {
            return new ActionResult(ErrorType.METHOD_ERROR,
                    "{\"s\":false,\"error\":\"no\",\"type\":\"method_error\",\"requestId\":\"" + request.requestId() + "\"}");
        }
        return new ActionResult(null, "{\"s\":true,\"c\":{\"i\":\"" + request.componentId() + "\"},\"requestId\":\""
                + request.requestId() + "\"}");
    }

    /**
     * Registers a snapshot {@code {"id":…,"channel":…}} as a listening chat; {@code "bad":true} is refused as
     * tampered, {@code "stale":true} as stale.
     */
    @Override
    public ActionResult register(jakarta.json.JsonObject snapshot, ClientContext client) {
        if (snapshot.getBoolean("stale", false)) {
            return new ActionResult(ErrorType.STALE_SNAPSHOT, "{\"s\":false,\"error\":\"stale\",\"type\":\"stale_snapshot\"}");
        }
        if (snapshot.getBoolean("bad", false)) {
            return new ActionResult(ErrorType.SECURITY_ERROR, "{\"s\":false,\"error\":\"bad\",\"type\":\"security_error\"}");
        }
        client.live().put(new LiveComponent(snapshot.getString("id"), "chat", 1, "sig", JsonValue.EMPTY_JSON_OBJECT,
                null, Set.of("message-sent"), Set.of(snapshot.getString("channel")), 0, 0));
        return new ActionResult(null, "{\"s\":true}");
    }

    @Override
    public List<ActionResult> deliver(BroadcastMessage message, ClientContext client) {
        List<ActionResult> results = new ArrayList<>();
        for (String id : client.live().listening(message.channel(), message.name())) {
            results.add(new ActionResult(null, "{\"s\":true,\"c\":{\"i\":\"" + id + "\"},\"got\":" + message.data() + "}"));
        }
        delivered++;
        duringDeliver.run();
        return results;
    }

    @Override
    public io.diffyne.runtime.UploadTarget authorizeUpload(jakarta.json.JsonObject snapshot, String property,
                                                           ClientContext client) {
        throw new UnsupportedOperationException("HTTP only");
    }
}
