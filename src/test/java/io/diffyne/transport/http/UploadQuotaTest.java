package io.diffyne.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class UploadQuotaTest {

    static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void chargesAsBytesArriveAndGivesBackOnCancelOrRelease() {
        UploadQuota quota = new UploadQuota(10_000, 15_000, Duration.ofHours(24), Clock.fixed(T0, ZoneOffset.UTC));
        UploadQuota.Reservation a = quota.reserve("a");
        assertEquals(UploadQuota.BLOCK, quota.used("a"), "a file costs a block from its first byte");
        a.grow(9_000);
        assertEquals(9_000, quota.used("a"));
        assertThrows(UploadQuota.Full.class, () -> a.grow(10_001));
        assertEquals(9_000, quota.used("a"), "a refused growth takes nothing");
        a.cancel();
        a.cancel();
        assertEquals(0, quota.used());

        UploadQuota.Reservation b = quota.reserve("b");
        b.grow(8_000);
        b.commit("b1.png", T0);
        b.cancel(); // after a commit: nothing
        assertEquals(8_000, quota.used("b"));
        quota.reserve("c").grow(6_000);
        UploadQuota.Full total = assertThrows(UploadQuota.Full.class, () -> quota.reserve("d").grow(2_000));
        assertEquals(Duration.ofHours(24).plus(Uploads.SWEEP_EVERY).toSeconds(), total.retryAfterSeconds());
        quota.release("b1.png");
        quota.release("b1.png");
        assertEquals(0, quota.used("b"));
        assertEquals(6_000, quota.used());
    }

    @Test
    void emptyFilesStillCostABlockSoTheyCannotPileUp() {
        UploadQuota quota = new UploadQuota(3 * UploadQuota.BLOCK, 1 << 30, Duration.ofHours(24), Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            quota.reserve("a").commit("e" + i, T0);
        }
        assertThrows(UploadQuota.Full.class, () -> quota.reserve("a"));
    }

    @Test
    void retryAfterCountsFromTheClientsOldestUpload() {
        Instant now = T0.plus(Duration.ofHours(20));
        UploadQuota quota = new UploadQuota(10_000, 1 << 30, Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
        quota.recover("old.png", "a", 5_000, T0);
        quota.recover("new.png", "a", 5_000, T0.plus(Duration.ofHours(10)));
        UploadQuota.Full full = assertThrows(UploadQuota.Full.class, () -> quota.reserve("a"));
        assertEquals(Duration.ofHours(4).plus(Uploads.SWEEP_EVERY).toSeconds(), full.retryAfterSeconds());
        assertEquals(List.of("old.png"), quota.olderThan(T0.plus(Duration.ofHours(1))));
        assertEquals(List.of("old.png", "new.png"), quota.olderThan(now));
    }
}
