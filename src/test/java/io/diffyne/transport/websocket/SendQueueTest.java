package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SendQueueTest {

    @Test
    void sendsInOrderOneAtATime() {
        FakePeer peer = new FakePeer();
        peer.autoComplete = false;
        SendQueue queue = new SendQueue(peer, 10, 1_000);
        assertTrue(queue.offer("a"));
        assertTrue(queue.offer("b"));
        assertTrue(queue.offer("c"));
        assertEquals(List.of("a"), peer.sent, "the second send waits for the first to complete");
        peer.completeNext();
        assertEquals(List.of("a", "b"), peer.sent);
        peer.completeNext();
        peer.completeNext();
        assertEquals(List.of("a", "b", "c"), peer.sent);
        assertEquals(0, queue.pendingMessages());
        assertEquals(0, queue.pendingBytes());
    }

    @Test
    void aClientThatReadsNeverFillsTheQueue() {
        FakePeer peer = new FakePeer(); // completes inline, on the sending thread
        SendQueue queue = new SendQueue(peer, 2, 100);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(queue.offer("m" + i));
        }
        assertEquals(10_000, peer.sent.size());
        assertEquals("m9999", peer.last());
    }

    @Test
    void refusesPastTheMessageBound() {
        FakePeer peer = new FakePeer();
        peer.autoComplete = false;
        SendQueue queue = new SendQueue(peer, 3, 1_000_000);
        assertTrue(queue.offer("1"));
        assertTrue(queue.offer("2"));
        assertTrue(queue.offer("3"));
        assertFalse(queue.offer("4"));
        assertEquals(3, queue.pendingMessages());
        peer.completeNext();
        assertTrue(queue.offer("4"), "room again once the client read one");
    }

    @Test
    void refusesPastTheByteBoundCountingHeapBytes() {
        FakePeer peer = new FakePeer();
        peer.autoComplete = false;
        SendQueue queue = new SendQueue(peer, 100, 20);
        assertTrue(queue.offer("12345"));  // 10 bytes as UTF-16
        assertTrue(queue.offer("12345"));  // 20
        assertFalse(queue.offer("1"));
        assertEquals(20, queue.pendingBytes());
    }

    @Test
    void aFailedSendDropsTheRestAndRefusesMore() {
        FakePeer peer = new FakePeer();
        peer.autoComplete = false;
        SendQueue queue = new SendQueue(peer, 10, 1_000);
        queue.offer("a");
        queue.offer("b");
        peer.failNext();
        assertEquals(List.of("a"), peer.sent);
        assertEquals(0, queue.pendingMessages());
        assertFalse(queue.offer("c"));
        assertTrue(queue.broken());
    }

    @Test
    void closeDropsPendingMessages() {
        FakePeer peer = new FakePeer();
        peer.autoComplete = false;
        SendQueue queue = new SendQueue(peer, 10, 1_000);
        queue.offer("a");
        queue.offer("b");
        queue.close();
        assertEquals(0, queue.pendingMessages());
        assertEquals(0, queue.pendingBytes());
        peer.completeNext();
        assertEquals(List.of("a"), peer.sent);
        assertFalse(queue.offer("c"));
        assertFalse(queue.broken(), "closed, not broken");
    }
}
