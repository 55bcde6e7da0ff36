package io.diffyne.transport.websocket;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

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
 *
 * <p>An upgrade that went ahead (101) but whose session never opened (the client left between the upgrade and the
 * container's {@code onOpen}, a container that skipped it) would hold its slot with no connection to give it back: such
 * a slot is given back {@link #OPEN_GRACE} after the upgrade, checked whenever a slot is asked for. A session that opens
 * later than that is not counted.
 */
final class ConnectionQuota {

    /** How long an upgraded connection's slot waits for its session to open. */
    static final Duration OPEN_GRACE = Duration.ofSeconds(10);

    private static final ThreadLocal<Slot> HANDSHAKE = new ThreadLocal<>();
    private static final int ACQUIRED = 0;
    private static final int TAKEN = 1;
    private static final int UPGRADED = 2;
    private static final int OPENED = 3;
    private static final int EXPIRED = 4;

    private final int perClient;
    private final LongSupplier clock;
    private final long graceNanos;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    /** Slots upgraded whose session has not opened yet: as many as upgrades in flight. */
    private final Set<Slot> upgrading = ConcurrentHashMap.newKeySet();

    /** {@code perClient} 0: no limit (slots are still counted). */
    ConnectionQuota(int perClient) {
        this(perClient, System::nanoTime, OPEN_GRACE);
    }

    ConnectionQuota(int perClient, LongSupplier nanoClock, Duration openGrace) {
        this.perClient = perClient;
        this.clock = nanoClock;
        this.graceNanos = openGrace.toNanos();
    }

    int perClient() {
        return perClient;
    }

    /** A slot for one more connection from {@code client}, or null when it holds {@link #perClient()} already. */
    Slot tryAcquire(String client) {
        giveBackUnopened();
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

    /** Upgraded connections whose session has not opened yet. */
    int upgrading() {
        return upgrading.size();
    }

    /** Gives back the slots of upgrades whose session did not open within the grace. */
    void giveBackUnopened() {
        if (upgrading.isEmpty()) {
            return;
        }
        long now = clock.getAsLong();
        for (Slot slot : upgrading) {
            if (slot.state.get() != UPGRADED || slot.released.get()) {
                upgrading.remove(slot);
            } else if (now - slot.upgradedAt >= graceNanos && slot.state.compareAndSet(UPGRADED, EXPIRED)) {
                upgrading.remove(slot);
                slot.release();
                WebSocketLog.LOG.info(() -> "A WebSocket upgrade from " + slot.client + " opened no session within "
                        + Duration.ofNanos(graceNanos).toSeconds() + " s; its connection slot is given back");
            }
        }
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
            slot.state.compareAndSet(ACQUIRED, TAKEN);
        }
        return slot;
    }

    /** Clears this thread's hand-over; true when the configurator took the slot. */
    static boolean endHandOver(Slot slot) {
        HANDSHAKE.remove();
        return slot.state.get() != ACQUIRED;
    }

    /** One counted connection; {@link #release()} gives it back once, whoever calls it how often. */
    final class Slot {

        private final String client;
        private final AtomicBoolean released = new AtomicBoolean();
        private final AtomicInteger state = new AtomicInteger(ACQUIRED);
        private volatile long upgradedAt;

        private Slot(String client) {
            this.client = client;
        }

        /**
         * The filter saw the upgrade go ahead with this slot taken: from now the session has {@link #OPEN_GRACE} to
         * open. Nothing happens if it has opened already (a container may open it before the filter chain returns).
         */
        void upgraded() {
            upgradedAt = clock.getAsLong();
            if (state.compareAndSet(TAKEN, UPGRADED)) {
                upgrading.add(this);
                if (state.get() != UPGRADED) {
                    upgrading.remove(this); // opened meanwhile
                }
            }
        }

        /**
         * The connection's session opened and owns this slot now; false when it came after the grace and the slot was
         * given back already (the connection is then not counted).
         */
        boolean opened() {
            while (true) {
                int now = state.get();
                if (now == EXPIRED) {
                    return false;
                }
                if (now == OPENED || state.compareAndSet(now, OPENED)) {
                    upgrading.remove(this);
                    return !released.get();
                }
            }
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
            }
        }
    }
}
