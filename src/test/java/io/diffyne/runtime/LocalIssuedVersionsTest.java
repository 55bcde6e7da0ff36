package io.diffyne.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LocalIssuedVersionsTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void aClaimRefusesOlderVersionsAndASecondActionFromTheSameOne() {
        LocalIssuedVersions versions = new LocalIssuedVersions(100, 1 << 20, 1000, now::get);
        assertTrue(versions.claim("a", 1), "no record: any version");
        assertFalse(versions.claim("a", 1), "version 2 is being issued: a second action from 1 would fork");
        assertTrue(versions.stale("a", 1));
        assertFalse(versions.stale("a", 2));
        assertTrue(versions.claim("a", 2));
        assertFalse(versions.claim("a", 1), "a rollback to 1 after 3 was issued");
        assertTrue(versions.claim("b", 7), "ids are independent");
    }

    @Test
    void aReleasedClaimLetsTheSameVersionActAgain() {
        LocalIssuedVersions versions = new LocalIssuedVersions(100, 1 << 20, 1000, now::get);
        versions.claim("a", 4);
        versions.release("a", 4);
        assertFalse(versions.stale("a", 4));
        assertTrue(versions.claim("a", 4));
        versions.claim("a", 5);
        versions.release("a", 4);
        assertTrue(versions.stale("a", 5), "a late release never undoes a newer claim");
    }

    @Test
    void recordsExpireAndAreBoundedInEntriesAndBytes() {
        LocalIssuedVersions versions = new LocalIssuedVersions(10, 1 << 20, 1000, now::get);
        versions.claim("old", 5);
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertFalse(versions.stale("old", 1), "an expired record protects nothing and costs nothing");
        for (int i = 0; i < 1000; i++) {
            versions.claim("id" + i, 1);
        }
        assertEquals(10, versions.size());
        assertTrue(versions.stale("id999", 1), "the newest records are kept");
        assertFalse(versions.stale("id0", 1), "the oldest went first");

        LocalIssuedVersions small = new LocalIssuedVersions(1000, 1000, 1000, now::get);
        for (int i = 0; i < 100; i++) {
            small.claim("q3Xv9Tz0bA" + (10 + i), 1);
        }
        assertEquals(6, small.size(), "1000 bytes hold six records of 144 bytes");
    }
}
