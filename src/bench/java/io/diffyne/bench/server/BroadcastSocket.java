package io.diffyne.bench.server;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fan-out's baseline: a framework-free broadcast. Receivers connect with {@code ?room=R}, the sender with
 * {@code ?room=R&role=sender}; each text the sender sends goes to every receiver of its room as it is
 * ({@code getAsyncRemote().sendText}, one after the other on the thread that received it), and the sender is answered
 * {@code sent:N}. The sender's {@code ?count} is answered {@code count:N}, the receivers that room has, so the load
 * generator knows every one is registered before it measures. On Payara two thirds of this loop's time is Tyrus
 * re-arming each session's idle timer through the managed scheduler, whose context capture scans the application's
 * jars ({@code ServiceLoader}) under the thread's context class loader: what Diffyne's {@code SessionPeer} spares
 * its sends, and what a plain endpoint pays. No check of anything: it exists only in the benchmark
 * WAR, which listens on loopback.
 */
@ServerEndpoint("/bench/broadcast")
public class BroadcastSocket {

    private static final Map<String, Set<Session>> ROOMS = new ConcurrentHashMap<>();

    @OnOpen
    public void onOpen(Session session) {
        if (!isSender(session)) {
            ROOMS.computeIfAbsent(room(session), r -> ConcurrentHashMap.newKeySet()).add(session);
        }
    }

    @OnMessage
    public void onMessage(Session session, String text) throws IOException {
        if (!isSender(session)) {
            return;
        }
        Set<Session> receivers = ROOMS.getOrDefault(room(session), Set.of());
        if (text.equals("?count")) {
            session.getBasicRemote().sendText("count:" + receivers.size());
            return;
        }
        int sent = 0;
        for (Session receiver : receivers) {
            if (receiver.isOpen()) {
                receiver.getAsyncRemote().sendText(text);
                sent++;
            }
        }
        session.getBasicRemote().sendText("sent:" + sent);
    }

    @OnClose
    public void onClose(Session session) {
        String room = room(session);
        Set<Session> receivers = ROOMS.get(room);
        if (receivers != null) {
            receivers.remove(session);
            ROOMS.remove(room, Set.of());
        }
    }

    private static String room(Session session) {
        List<String> room = session.getRequestParameterMap().get("room");
        return room == null || room.isEmpty() ? "" : room.get(0);
    }

    private static boolean isSender(Session session) {
        List<String> role = session.getRequestParameterMap().get("role");
        return role != null && role.contains("sender");
    }
}
