package io.diffyne.runtime;

import io.diffyne.protocol.ActionRequest;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facade every transport and page calls. Thread-safe; one per application.
 */
public interface DiffyneRuntime {

    /** Mounts a component for a page: {@code mount(params)}, render, sign. Unknown names throw a not-found error. */
    MountResult mount(String component, Map<String, Object> params, ClientContext client);

    /** Mounts a lazy component from the signed ticket its placeholder carried (AJAX {@code lazy} endpoint). */
    MountResult mountLazy(String ticket, ClientContext client);

    /**
     * Handles one action: verify the snapshot (or resolve the reference in {@code client.live()}), hydrate, apply
     * updates, invoke, render once, diff against the last tree, sign. Never throws for client errors: they come back
     * as failure results. A repeated {@code requestId} for the same component gets the first result again.
     */
    ActionResult handle(ActionRequest request, ClientContext client);

    /**
     * Registers a component the page shows with a WebSocket connection ({@code client.live()}), so broadcasts reach it
     * before its first action. The snapshot is verified like an action's.
     */
    ActionResult register(jakarta.json.JsonObject snapshot, ClientContext client);

    /**
     * Delivers a broadcast to every live component of one WebSocket connection that listens to it on its channel,
     * returning one push response per component that handled it.
     */
    List<ActionResult> deliver(BroadcastMessage message, ClientContext client);

    /**
     * Starts one broadcast's delivery to this instance's connections: pass it to
     * {@link #deliver(BroadcastDelivery, ClientContext)} for each of them, so components holding the same type,
     * state and shown tree for the same caller share one listener run and render.
     */
    default BroadcastDelivery delivery(BroadcastMessage message) {
        return new BroadcastDelivery(message);
    }

    /** As {@link #deliver(BroadcastMessage, ClientContext)}, sharing renders across one broadcast's deliveries. */
    default List<ActionResult> deliver(BroadcastDelivery delivery, ClientContext client) {
        return deliver(delivery.message(), client);
    }

    /**
     * Checks an upload before its bytes are read: the snapshot verifies for this user (any version of it: an upload
     * changes no state) and its component declares {@code property} as an upload property.
     *
     * @throws io.diffyne.protocol.ProtocolException {@code bad_request} (a malformed snapshot, a property that takes
     *         no uploads), {@code security_error} (a forged or foreign snapshot), {@code not_found} (an unknown component)
     */
    UploadTarget authorizeUpload(jakarta.json.JsonObject snapshot, String property, ClientContext client);

    /**
     * The roles components ask about ({@code @RolesAllowed} on actions, {@code @DeclareRoles} on classes): a transport
     * asks the container which of them the user holds ({@link ClientContext#held}) when it builds the context.
     */
    default Set<String> declaredRoles() {
        return Set.of();
    }
}
