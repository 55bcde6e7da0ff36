package io.diffyne.runtime;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@link IssuedVersions} in this JVM: bounded in entries and in (estimated) bytes, each record expiring a while after
 * its last claim. Hand-written because no cache library is on the framework's classpath and one map under one lock
 * is all it takes: records are a few dozen bytes and every operation is O(1). The oldest record goes first, so what
 * eviction forgets is the component idle longest, whose replay protection then lapses (any version is accepted).
 */
public final class LocalIssuedVersions implements IssuedVersions {

    /** Map entry, key string and record, as a 64-bit JVM lays them out (an estimate, not a measurement). */
    private static final int ENTRY_OVERHEAD = 120;

    private record Issued(long version, long at) {
    }

    private final int maxEntries;
    private final long maxBytes;
    private final long ttlNanos;
    private final LongSupplier clock;
    /** Insertion order, re-inserted on every claim: the head is the least recently claimed record. */
    private final LinkedHashMap<String, Issued> records = new LinkedHashMap<>();
    private long bytes;

    public LocalIssuedVersions(int maxEntries, long maxBytes, long ttlMillis, LongSupplier clock) {
        if (maxEntries < 1 || maxBytes < ENTRY_OVERHEAD || ttlMillis < 1) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.ttlNanos = TimeUnit.MILLISECONDS.toNanos(ttlMillis);
        this.clock = clock;
    }

    /** 100,000 components (about 12 MB), each remembered for 12 hours after its last action. */
    public LocalIssuedVersions() {
        this(100_000, 16L << 20, TimeUnit.HOURS.toMillis(12), System::nanoTime);
    }

    @Override
    public synchronized boolean claim(String id, long base) {
        expire();
        Issued current = records.get(id);
        if (current != null && current.version() > base) {
            return false;
        }
        put(id, base + 1);
        return true;
    }

    @Override
    public synchronized void release(String id, long base) {
        Issued current = records.get(id);
        if (current != null && current.version() == base + 1) {
            put(id, base);
        }
    }

    @Override
    public synchronized boolean stale(String id, long version) {
        expire();
        Issued current = records.get(id);
        return current != null && current.version() > version;
    }

    synchronized int size() {
        return records.size();
    }

    private void put(String id, long version) {
        if (records.remove(id) == null) {
            bytes += cost(id);
        }
        records.put(id, new Issued(version, clock.getAsLong()));
        while (records.size() > maxEntries || bytes > maxBytes) {
            removeEldest();
        }
    }

    private void expire() {
        long now = clock.getAsLong();
        while (!records.isEmpty() && now - records.values().iterator().next().at() > ttlNanos) {
            removeEldest();
        }
    }

    private void removeEldest() {
        Iterator<String> eldest = records.keySet().iterator();
        bytes -= cost(eldest.next());
        eldest.remove();
    }

    private static long cost(String id) {
        return ENTRY_OVERHEAD + 2L * id.length();
    }
}
