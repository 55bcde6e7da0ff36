package io.diffyne.runtime;

import io.diffyne.config.DiffyneSettings;
import io.diffyne.state.SnapshotSigner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Permission to listen on a channel, issued with a component that listens on it: the server renders the component
 * from a verified snapshot (or mounts it), so it knows the channels its state puts it on, and grants those to that
 * user. The event stream ({@code GET /_diffyne/events}) opens only for channels with a valid grant.
 *
 * <p>A grant is {@code <expiry, epoch ms>.<HMAC>}, e.g. {@code "1763762400000.q3Xv9Tz0bA1cM2f8k1LwZg"}, signed (purpose
 * {@code grant}) over the channel name, LF, the expiry, and the principal ({@code ""} when anonymous), so a grant
 * names one channel, for one user, until {@code DIFFYNE_CHANNEL_GRANT_TTL} after it was issued. It is per channel, not
 * per component: the stream needs one proof per channel whichever components listen there, and no component id could
 * be checked there (an event stream holds no snapshot). Stateless, valid on every instance sharing the key.
 */
public final class ChannelGrants {

    /** What a grant proves about one channel. */
    public enum Check { VALID, EXPIRED, INVALID }

    private static final String PURPOSE = "grant";
    private static final Pattern SHAPE = Pattern.compile("[0-9]{1,18}\\.[A-Za-z0-9_-]{22}");

    private final SnapshotSigner signer;
    private final Clock clock;
    private final Duration lifetime;

    /** Signed with {@code DIFFYNE_SIGNING_KEY}, valid for {@code DIFFYNE_CHANNEL_GRANT_TTL}. */
    public ChannelGrants(DiffyneSettings settings) {
        this(new SnapshotSigner(settings.signingKey()), Clock.systemUTC(), settings.channelGrantTtl());
    }

    ChannelGrants(SnapshotSigner signer, Clock clock, Duration lifetime) {
        this.signer = signer;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** One grant per channel, by channel name in sorted order ({@code diff:grants}, a response's {@code c.g}). */
    public Map<String, String> issue(Collection<String> channels, String principal) {
        if (channels.isEmpty()) {
            return Collections.emptyMap();
        }
        long expires = clock.millis() + lifetime.toMillis();
        Map<String, String> grants = new TreeMap<>();
        for (String channel : channels) {
            grants.put(channel, expires + "." + mac(channel, expires, principal));
        }
        return grants;
    }

    /** Whether {@code grant} lets {@code principal} (null: anonymous) listen on {@code channel} now. */
    public Check check(String channel, String grant, String principal) {
        if (grant == null || !SHAPE.matcher(grant).matches()) {
            return Check.INVALID;
        }
        int dot = grant.indexOf('.');
        long expires = Long.parseLong(grant.substring(0, dot));
        byte[] given = grant.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = mac(channel, expires, principal).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Check.INVALID;
        }
        // only a genuine grant is told it expired, so a forger learns nothing from the answer
        return expires < clock.millis() ? Check.EXPIRED : Check.VALID;
    }

    private String mac(String channel, long expires, String principal) {
        return signer.signTagged(PURPOSE, channel + '\n' + expires, principal);
    }
}
