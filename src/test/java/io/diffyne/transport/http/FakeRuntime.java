package io.diffyne.transport.http;

import io.diffyne.protocol.ActionRequest;
import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.runtime.ActionResult;
import io.diffyne.runtime.BroadcastMessage;
import io.diffyne.runtime.ClientContext;
import io.diffyne.runtime.DiffyneRuntime;
import io.diffyne.runtime.MountResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A runtime that answers by method name, so transport tests can provoke every outcome: {@code fail} → 422,
 * {@code locked} → 403, {@code boom} → an unexpected exception; anything else succeeds echoing the method.
 */
final class FakeRuntime implements DiffyneRuntime {

    final List<ActionRequest> handled = new ArrayList<>();
    final List<ClientContext> clients = new ArrayList<>();

    @Override
    public MountResult mount(String component, Map<String, Object> params, ClientContext client) {
        throw new UnsupportedOperationException();
    }

    @Override
    public MountResult mountLazy(String ticket, ClientContext client) {
        clients.add(client);
        if (ticket.equals("bad")) {
            throw new ProtocolException(ErrorType.SECURITY_ERROR, "Invalid lazy ticket");
        }
        return new MountResult("q3Xv9Tz0bA1c", "<div diff:id=\"q3Xv9Tz0bA1c\">" + ticket + "</div>",
                Set.of("saved", "deleted"));
    }

    @Override
    public synchronized ActionResult handle(ActionRequest request, ClientContext client) {
        handled.add(request);
        clients.add(client);
        String rid = request.requestId() == null ? "" : ",\"requestId\":\"" + request.requestId() + "\"";
        return switch (String.valueOf(request.method())) {
            case "fail" -> new ActionResult(ErrorType.VALIDATION_ERROR,
                    "{\"s\":false,\"error\":\"Invalid\",\"type\":\"validation_error\"" + rid + "}");
            case "locked" -> new ActionResult(ErrorType.SECURITY_ERROR,
                    "{\"s\":false,\"error\":\"Locked\",\"type\":\"security_error\"" + rid + "}");
            case "boom" -> throw new IllegalStateException("secret detail at Counter.java:42");
            default -> new ActionResult(null, "{\"s\":true,\"c\":{\"i\":\"" + request.componentId() + "\",\"m\":\""
                    + request.method() + "\"}" + rid + "}");
        };
    }

    @Override
    public ActionResult register(jakarta.json.JsonObject snapshot, ClientContext client) {
        throw new UnsupportedOperationException("WebSocket only");
    }

    @Override
    public List<ActionResult> deliver(BroadcastMessage message, ClientContext client) {
        throw new UnsupportedOperationException();
    }

    /** A snapshot with {@code "sig":"forged"} is refused, property {@code plain} takes no uploads, {@code files} several. */
    @Override
    public synchronized io.diffyne.runtime.UploadTarget authorizeUpload(jakarta.json.JsonObject snapshot,
                                                                       String property, ClientContext client) {
        clients.add(client);
        if ("forged".equals(snapshot.getString("sig", null))) {
            throw new ProtocolException(ErrorType.SECURITY_ERROR, "Invalid state signature");
        }
        if (property.equals("plain")) {
            throw new ProtocolException(ErrorType.BAD_REQUEST, "Property 'plain' takes no uploads");
        }
        return new io.diffyne.runtime.UploadTarget(snapshot.getString("component"), snapshot.getString("id"), property,
                property.equals("files"), client.principal());
    }
}
