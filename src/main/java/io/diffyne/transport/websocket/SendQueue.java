package io.diffyne.transport.websocket;

import jakarta.websocket.SendResult;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outgoing messages of one connection: sent one at a time through the container's asynchronous remote (which
 * does not allow overlapping sends on every server), with at most {@code maxMessages} waiting and at most
 * {@code maxBytes} of them (UTF-16 size, i.e. what they cost on the heap). A client that stops reading makes its
 * sends stall; the queue then fills and {@link #offer} answers false, so the caller closes the connection instead of
 * letting the heap grow.
 */
final class SendQueue {

    private final SocketPeer peer;
    private final int maxMessages;
    private final long maxBytes;
    /**
     * Room for one message to start with, grown when more wait: most connections have at most one in flight, and the
     * default sixteen slots were 64 B of every open page.
     */
    private final ArrayDeque<String> pending = new ArrayDeque<>(1);
    /** Serializes the pump without holding a lock across a send, whose completion may run on this very thread. */
    private final AtomicInteger work = new AtomicInteger();
    private long pendingBytes;
    private boolean inFlight;
    private boolean closed;
    private boolean broken;

    SendQueue(SocketPeer peer, int maxMessages, long maxBytes) {
        this.peer = peer;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /** Queues a message; false when the queue is full or closed (nothing is queued then). */
    boolean offer(String text) {
        long size = 2L * text.length();
        synchronized (this) {
            if (closed || pending.size() >= maxMessages || pendingBytes + size > maxBytes) {
                return false;
            }
            pending.add(text);
            pendingBytes += size;
        }
        pump();
        return true;
    }

    /** Drops what is waiting; later offers fail. */
    synchronized void close() {
        closed = true;
        pending.clear();
        pendingBytes = 0;
    }

    /** Whether a send failed (the socket is gone), as opposed to the queue being full. */
    synchronized boolean broken() {
        return broken;
    }

    synchronized int pendingMessages() {
        return pending.size(); // the message being sent stays at the head until it completes
    }

    synchronized long pendingBytes() {
        return pendingBytes;
    }

    private void pump() {
        if (work.getAndIncrement() != 0) {
            return; // the thread already pumping will see the new work
        }
        int missed = 1;
        do {
            while (true) {
                String next;
                synchronized (this) {
                    if (inFlight || closed || pending.isEmpty()) {
                        break;
                    }
                    next = pending.peek();
                    inFlight = true;
                }
                String sent = next;
                try {
                    peer.sendText(sent, result -> completed(sent, result));
                } catch (RuntimeException e) {
                    completed(sent, new SendResult(e));
                }
            }
            missed = work.addAndGet(-missed);
        } while (missed != 0);
    }

    private void completed(String sent, SendResult result) {
        synchronized (this) {
            inFlight = false;
            if (!closed) {
                pending.poll();
                pendingBytes -= 2L * sent.length();
            }
            if (!result.isOK()) {
                // the socket failed: the container reports it through onError/onClose, which ends the connection
                broken = true;
                closed = true;
                pending.clear();
                pendingBytes = 0;
            }
        }
        pump();
    }
}
