package io.diffyne.transport.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A container session stand-in: records sends (completed at once), closes and the limits set on it. */
final class FakeSession {

    final Map<String, Object> userProperties = new HashMap<>();
    final List<String> sent = new ArrayList<>();
    final List<CloseReason> closes = new ArrayList<>();
    /** The length of every ping sent. */
    final List<Integer> pings = new ArrayList<>();
    final Map<String, Long> limits = new HashMap<>();
    boolean open = true;
    /** Every ping fails as on a connection that is closing. */
    boolean failPings;
    /** As Tyrus does: setting a limit on a closed session throws {@link IllegalStateException}. */
    boolean settersRefuseWhenClosed;
    final Session session;

    /** The upgrade request's query parameters ({@code v=2} asks for protocol v2). */
    final java.util.Map<String, List<String>> parameters = new java.util.HashMap<>();

    FakeSession() {
        RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 2) {
                        synchronized (sent) {
                            sent.add((String) args[0]);
                        }
                        ((SendHandler) args[1]).onResult(new SendResult());
                        return null;
                    }
                    if (method.getName().equals("sendPing")) {
                        if (!open || failPings) {
                            throw new IllegalStateException("The connection has been closed.");
                        }
                        pings.add(((java.nio.ByteBuffer) args[0]).remaining());
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getUserProperties" -> userProperties;
                    case "getRequestParameterMap" -> parameters;
                    case "getAsyncRemote" -> async;
                    case "isOpen" -> open;
                    case "close" -> {
                        closes.add(args == null ? null : (CloseReason) args[0]);
                        open = false;
                        yield null;
                    }
                    case "setMaxTextMessageBufferSize", "setMaxBinaryMessageBufferSize", "setMaxIdleTimeout" -> {
                        if (settersRefuseWhenClosed && !open) {
                            throw new IllegalStateException("The connection has been closed.");
                        }
                        limits.put(method.getName(), ((Number) args[0]).longValue());
                        yield null;
                    }
                    case "getMaxIdleTimeout" -> limits.getOrDefault("setMaxIdleTimeout", 0L);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "FakeSession";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    List<String> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }
}
