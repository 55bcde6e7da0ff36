package io.diffyne.transport.http;

import io.diffyne.config.DiffyneSettings;
import io.diffyne.protocol.ErrorType;
import io.diffyne.protocol.ProtocolException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes temporary uploads hold on this instance, per client (its address, as the rate limit counts it) and in
 * total, against {@code DIFFYNE_UPLOAD_CLIENT_QUOTA} and {@code DIFFYNE_UPLOAD_TOTAL_QUOTA}. Bytes are charged while a
 * file streams in ({@link Reservation#grow}), so an upload is refused the moment it would pass a quota, and given back
 * when the upload is deleted, moved or expires. Every file counts as at least {@link #BLOCK} bytes, the disk block it
 * takes, so empty files cannot pile up for free. Memory is bounded by the quota: one entry per stored file.
 * Thread-safe.
 */
final class UploadQuota {

    /** What one file costs at the least. */
    static final long BLOCK = 4096;

    /** A refusal because a quota is full: 429 {@code rate_limited}, with when an upload of this client expires. */
    static final class Full extends ProtocolException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        Full(String message, long retryAfterSeconds) {
            super(ErrorType.RATE_LIMITED, message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** One stored file's charge. */
    private record Entry(String client, long bytes, Instant created) {
    }

    private final long perClient;
    private final long total;
    private final Duration maxAge;
    private final Clock clock;
    /** Every entry, oldest first; and per client, oldest first. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, LinkedHashMap<String, Entry>> byClient = new HashMap<>();
    private final Map<String, Long> clientBytes = new HashMap<>();
    private long used;

    UploadQuota(long perClient, long total, Duration maxAge, Clock clock) {
        this.perClient = perClient;
        this.total = total;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * Starts charging an upload of {@code client} with one {@link #BLOCK}.
     *
     * @throws Full when either quota cannot take even that
     */
    synchronized Reservation reserve(String client) {
        Reservation reservation = new Reservation(client);
        reservation.grow(0);
        return reservation;
    }

    /**
     * Charges a stored upload found at start-up, whatever the quotas say: it is on disk already. Called oldest first,
     * before any new upload, so entries stay in the order they were created.
     */
    synchronized void recover(String id, String client, long size, Instant created) {
        if (!entries.containsKey(id)) {
            charge(client, cost(size));
            add(id, new Entry(client, cost(size), created));
        }
    }

    /** Gives back the charge of the stored upload {@code id}; nothing for an id it does not know. */
    synchronized void release(String id) {
        Entry entry = entries.remove(id);
        if (entry != null) {
            LinkedHashMap<String, Entry> own = byClient.get(entry.client());
            own.remove(id);
            if (own.isEmpty()) {
                byClient.remove(entry.client());
            }
            charge(entry.client(), -entry.bytes());
        }
    }

    /** The ids of the uploads created before {@code cutoff}, oldest first. */
    synchronized java.util.List<String> olderThan(Instant cutoff) {
        java.util.List<String> old = new java.util.ArrayList<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!e.getValue().created().isBefore(cutoff)) {
                break; // oldest first: nothing after this one is older
            }
            old.add(e.getKey());
        }
        return old;
    }

    synchronized long used() {
        return used;
    }

    synchronized long used(String client) {
        return clientBytes.getOrDefault(client, 0L);
    }

    private void add(String id, Entry entry) {
        entries.put(id, entry);
        byClient.computeIfAbsent(entry.client(), c -> new LinkedHashMap<>()).put(id, entry);
    }

    private void charge(String client, long bytes) {
        used += bytes;
        long now = clientBytes.getOrDefault(client, 0L) + bytes;
        if (now == 0) {
            clientBytes.remove(client);
        } else {
            clientBytes.put(client, now);
        }
    }

    private static long cost(long size) {
        return Math.max(BLOCK, size);
    }

    /** Seconds until the oldest of {@code among} expires (and the janitor gives its bytes back), at least 1. */
    private long untilOldestExpires(Map<String, Entry> among) {
        Iterator<Entry> oldest = among.values().iterator();
        if (!oldest.hasNext()) {
            return 60; // only uploads still streaming hold the quota: they end soon
        }
        Duration left = Duration.between(clock.instant(), oldest.next().created().plus(maxAge).plus(Uploads.SWEEP_EVERY));
        return Math.max(1, left.toSeconds());
    }

    /** The charge of one upload while it streams in; {@link #commit} or {@link #cancel} it. */
    final class Reservation {
        private final String client;
        private long charged;
        private boolean open = true;

        private Reservation(String client) {
            this.client = client;
        }

        /**
         * Raises the charge to a file of {@code size} bytes.
         *
         * @throws Full when a quota cannot take it (the charge stays what it was)
         */
        void grow(long size) {
            synchronized (UploadQuota.this) {
                long more = cost(size) - charged;
                if (more <= 0) {
                    return;
                }
                if (used(client) + more > perClient) {
                    throw new Full("Your uploads waiting to be saved hold " + (used(client) - charged) + " of "
                            + perClient + " bytes (" + DiffyneSettings.UPLOAD_CLIENT_QUOTA + "): save or remove some,"
                            + " or wait until they expire", untilOldestExpires(byClient.getOrDefault(client,
                            new LinkedHashMap<>())));
                }
                if (used + more > total) {
                    throw new Full("The server holds too many uploads waiting to be saved ("
                            + DiffyneSettings.UPLOAD_TOTAL_QUOTA + "): try again later", untilOldestExpires(entries));
                }
                charge(client, more);
                charged += more;
            }
        }

        /** The upload is stored as {@code id}: its charge stays until {@link #release}. */
        void commit(String id, Instant created) {
            synchronized (UploadQuota.this) {
                open = false;
                add(id, new Entry(client, charged, created));
            }
        }

        /** The upload failed: its charge is given back. Nothing after a commit. */
        void cancel() {
            synchronized (UploadQuota.this) {
                if (open) {
                    open = false;
                    charge(client, -charged);
                    charged = 0;
                }
            }
        }
    }
}
