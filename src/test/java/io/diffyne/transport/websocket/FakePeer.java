package io.diffyne.transport.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A peer that records what is sent. In {@code autoComplete} mode every send completes at once (a client that
 * reads); otherwise sends stay pending until {@link #completeNext()} (a client that stopped reading).
 */
final class FakePeer implements SocketPeer {

    final List<String> sent = new ArrayList<>();
    final ArrayDeque<SendHandler> pending = new ArrayDeque<>();
    final List<CloseReason> closes = new ArrayList<>();
    boolean autoComplete = true;
    int pings;
    private boolean open = true;

    @Override
    public synchronized void sendText(String text, SendHandler done) {
        sent.add(text);
        if (autoComplete) {
            done.onResult(new SendResult());
        } else {
            pending.add(done);
        }
    }

    void completeNext() {
        SendHandler next;
        synchronized (this) {
            next = pending.poll();
        }
        next.onResult(new SendResult());
    }

    void failNext() {
        SendHandler next;
        synchronized (this) {
            next = pending.poll();
        }
        next.onResult(new SendResult(new java.io.IOException("connection reset")));
    }

    @Override
    public synchronized boolean ping(java.nio.ByteBuffer data) {
        pings++;
        return open;
    }

    @Override
    public synchronized void close(CloseReason reason) {
        closes.add(reason);
        open = false;
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    synchronized String last() {
        return sent.get(sent.size() - 1);
    }

    synchronized int closeCode() {
        return closes.isEmpty() ? -1 : closes.get(0).getCloseCode().getCode();
    }
}
