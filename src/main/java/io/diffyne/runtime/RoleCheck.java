package io.diffyne.runtime;

import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;
import io.diffyne.runtime.meta.ComponentType;

import java.util.logging.Logger;

/**
 * {@code @RolesAllowed} on {@code @Invokable} actions, checked once for every transport: a call from a caller without
 * one of the roles is a {@code security_error} (403 on AJAX, the error envelope on WebSocket) before the component is
 * created. An unknown method passes: the call itself then answers {@code method_error}.
 */
final class RoleCheck {

    private static final Logger LOG = Logger.getLogger("diffyne.runtime");

    private RoleCheck() {
    }

    static void requireAllowed(ComponentType type, String method, ClientContext client) {
        var target = type.invokable(method);
        if (target.isEmpty() || target.get().allows(client.roles()::contains)) {
            return;
        }
        // FINE: a refusal is the caller's doing, and a client repeating it must not flood the log
        LOG.fine(() -> "Refused " + type.name() + "." + method + " to " + (client.principal() == null ? "an anonymous"
                + " caller" : "user " + client.principal()) + " (client " + client.clientId() + "): @RolesAllowed"
                + target.get().rolesAllowed().orElseThrow());
        throw new ProtocolException(ErrorType.SECURITY_ERROR, "Method '" + method + "' of component '" + type.name()
                + "' is not allowed for " + (client.principal() == null ? "anonymous callers: sign in first"
                : "this user: it needs a role the user does not hold"));
    }
}
