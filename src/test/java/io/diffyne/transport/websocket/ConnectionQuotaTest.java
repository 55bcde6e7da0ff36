package io.diffyne.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The slots' life: taken at the upgrade, owned by the opened session, or given back when no session opened. */
class ConnectionQuotaTest {

    private static final String CLIENT = "198.51.100.4";
    private final long[] now = {0};
    private final ConnectionQuota quota = new ConnectionQuota(2, () -> now[0], Duration.ofSeconds(10));

    /** What the filter and the configurator do for one handshake that the container upgrades (101). */
    private ConnectionQuota.Slot upgrade() {
        ConnectionQuota.Slot slot = quota.tryAcquire(CLIENT);
        assertNotNull(slot);
        ConnectionQuota.handOver(slot);
        assertEquals(slot, ConnectionQuota.takeHandedOver());
        assertTrue(ConnectionQuota.endHandOver(slot));
        slot.upgraded();
        return slot;
    }

    private void after(Duration elapsed) {
        now[0] += elapsed.toNanos();
    }

    @Test
    void anUpgradeWhoseSessionNeverOpensGivesItsSlotBackAfterTheGrace() {
        upgrade(); // the client left before the container opened the session: nobody will release this slot
        upgrade();
        assertNull(quota.tryAcquire(CLIENT), "both slots are held during the grace");
        after(Duration.ofSeconds(9));
        assertNull(quota.tryAcquire(CLIENT));
        assertEquals(2, quota.upgrading());
        after(Duration.ofSeconds(1));
        ConnectionQuota.Slot next = quota.tryAcquire(CLIENT);
        assertNotNull(next, "the grace is over: the slots came back");
        assertEquals(1, quota.count(CLIENT));
        assertEquals(0, quota.upgrading());
        next.release();
        assertEquals(0, quota.clients());
    }

    @Test
    void anOpenedSessionKeepsItsSlotHoweverLongItLasts() {
        ConnectionQuota.Slot slot = upgrade();
        assertTrue(slot.opened());
        assertEquals(0, quota.upgrading());
        after(Duration.ofHours(3));
        assertNotNull(quota.tryAcquire(CLIENT));
        assertNull(quota.tryAcquire(CLIENT), "the opened connection still counts");
        assertEquals(2, quota.count(CLIENT));
        slot.release();
        assertEquals(1, quota.count(CLIENT));
    }

    @Test
    void aSessionOpeningAfterTheGraceIsNotCountedAndGivesNothingBackTwice() {
        ConnectionQuota.Slot late = upgrade();
        ConnectionQuota.Slot other = upgrade();
        assertTrue(other.opened());
        after(Duration.ofSeconds(11));
        ConnectionQuota.Slot third = quota.tryAcquire(CLIENT); // gives the late one's slot back
        assertNotNull(third);
        assertFalse(late.opened(), "too late: not counted");
        late.release();
        assertEquals(2, quota.count(CLIENT), "the other connection and the third are still counted");
        other.release();
        third.release();
        assertEquals(0, quota.clients());
    }

    /** A container may open the session before the filter chain returns: that slot never waits for the grace. */
    @Test
    void aSessionOpenedBeforeTheFilterSawTheUpgradeIsNotWaitedFor() {
        ConnectionQuota.Slot slot = quota.tryAcquire(CLIENT);
        ConnectionQuota.handOver(slot);
        ConnectionQuota.takeHandedOver();
        assertTrue(slot.opened());
        assertTrue(ConnectionQuota.endHandOver(slot));
        slot.upgraded();
        assertEquals(0, quota.upgrading());
        after(Duration.ofMinutes(1));
        quota.giveBackUnopened();
        assertEquals(1, quota.count(CLIENT));
    }

    @Test
    void aSlotGivenBackByItsConnectionIsForgottenByTheGrace() {
        ConnectionQuota.Slot slot = upgrade();
        slot.release(); // the session refused after the upgrade, say
        after(Duration.ofSeconds(30));
        quota.giveBackUnopened();
        assertEquals(0, quota.upgrading());
        assertEquals(0, quota.clients());
    }
}
