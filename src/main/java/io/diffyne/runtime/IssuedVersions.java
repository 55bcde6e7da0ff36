package io.diffyne.runtime;

/**
 * The newest snapshot version the server issued per component id, so an older snapshot — validly signed, but
 * replayed to roll a {@code @Locked} value back — is refused as {@code stale_snapshot}. An action <em>claims</em> the
 * version it will issue before it runs, so two actions cannot both start from the same snapshot and fork the state.
 * Snapshots stay stateless: an id without a record (never acted on here, expired, evicted) accepts any version.
 * This interface is the seam for a cluster-wide store; {@link LocalIssuedVersions} is the per-instance default.
 */
public interface IssuedVersions {

    /**
     * Claims version {@code base + 1} of component {@code id} for an action starting from version {@code base}.
     *
     * @return false when a version newer than {@code base} was issued or is being issued: the snapshot is stale
     */
    boolean claim(String id, long base);

    /** Gives back a claim whose action issued no new version (a refusal, a failure, a {@code render}). */
    void release(String id, long base);

    /** Whether a version newer than {@code version} was issued (or claimed) for {@code id}. */
    boolean stale(String id, long version);
}
