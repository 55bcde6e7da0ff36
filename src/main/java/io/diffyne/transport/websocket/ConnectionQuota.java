package io.diffyne.transport.websocket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Open WebSocket connections per client address ({@code DIFFYNE_WS_CONNECTIONS_PER_CLIENT}): {@link HandshakeFilter}
 * takes a {@link Slot} before the upgrade and refuses the handshake when the address holds its maximum; the slot goes
 * with the connection and is given back when it ends, however it ends. Only addresses holding a connection are kept,
 * so the map is bounded by the open connections.
 *
 * <p>The filter and the endpoint's configurator see different request objects, so the slot travels between them on
 * the handshake's thread ({@link #handOver}, {@link #takeHandedOver}): the containers call
 * {@code modifyHandshake} inside the filter chain. Where one did not, the slot is given back when the chain returns,
 * and that connection is not counted (never refused by mistake, never leaked).
 */
final class ConnectionQuota {

    private static final ThreadLocal<Slot> HANDSHAKE = new ThreadLocal<>();

    private final int perClient;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    /** {@code perClient} 0: no limit (slots are still counted). */
    ConnectionQuota(int perClient) {
        this.perClient = perClient;
    }

    int perClient() {
        return perClient;
    }

    /** A slot for one more connection from {@code client}, or null when it holds {@link #perClient()} already. */
    Slot tryAcquire(String client) {
        boolean[] granted = {false};
        open.compute(client, (address, count) -> {
            int current = count == null ? 0 : count;
            if (perClient > 0 && current >= perClient) {
                return count;
            }
            granted[0] = true;
            return current + 1;
        });
        return granted[0] ? new Slot(client) : null;
    }

    /** Open connections counted for {@code client}. */
    int count(String client) {
        return open.getOrDefault(client, 0);
    }

    /** Addresses holding at least one connection. */
    int clients() {
        return open.size();
    }

    /** Puts {@code slot} where the configurator of this handshake (same thread, inside the filter chain) finds it. */
    static void handOver(Slot slot) {
        HANDSHAKE.set(slot);
    }

    /** The slot the filter handed over on this thread, or null; taking it makes the connection its owner. */
    static Slot takeHandedOver() {
        Slot slot = HANDSHAKE.get();
        HANDSHAKE.remove();
        if (slot != null) {
            slot.taken = true;
        }
        return slot;
    }

    /** Clears this thread's hand-over; true when the configurator took the slot. */
    static boolean endHandOver(Slot slot) {
        HANDSHAKE.remove();
        return slot.taken;
    }

    /** One counted connection; {@link #release()} gives it back once, whoever calls it how often. */
    final class Slot {

        private final String client;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile boolean taken;

        private Slot(String client) {
            this.client = client;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
            }
        }
    }
}
