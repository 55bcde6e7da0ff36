package io.diffyne.state;

import jakarta.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * Signs and verifies snapshots (protocol.md section 2):
 * {@code sig = base64url(first 16 bytes of HMAC-SHA256(key, canonical({component,id,state,version}) + "\n" +
 * principal))}, principal {@code ""} when anonymous. Binding the principal makes one user's snapshot useless to
 * another. Verification re-canonicalizes the received state, so key order and number spelling do not matter, and
 * compares in constant time.
 *
 * <p>Thread-safe: each call works on a clone of one initialized {@link Mac}, cheaper than a key schedule per call and
 * without thread-locals that would outlive an undeployed application.
 */
public final class SnapshotSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIG_BYTES = 16;
    public static final int MIN_KEY_BYTES = 16;

    private final Mac prototype;
    private final boolean cloneable;
    private final SecretKeySpec key;

    /**
     * @param key the signing key ({@code DIFFYNE_SIGNING_KEY}), at least 16 bytes; copied
     */
    public SnapshotSigner(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new StateException("Signing key must have at least " + MIN_KEY_BYTES
                    + " bytes: set DIFFYNE_SIGNING_KEY to a longer secret");
        }
        this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), ALGORITHM);
        this.prototype = newMac();
        this.cloneable = canClone(prototype);
    }

    /**
     * A signer for another kind of signed object with a snapshot's shape (a lazy ticket): its key is
     * HMAC-SHA256(key, "diffyne signer for " + purpose), so what one signs never verifies with the other.
     */
    public SnapshotSigner forPurpose(String purpose) {
        return new SnapshotSigner(mac().doFinal(("diffyne signer for " + purpose).getBytes(StandardCharsets.UTF_8)));
    }

    /** The signature of this content for {@code principal} ({@code null} or empty when anonymous). */
    public String sign(String component, String id, long version, JsonObject state, String principal) {
        byte[] full = mac().doFinal(message(component, id, version, state, principal));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, SIG_BYTES));
    }

    /**
     * The signature of something that is not a snapshot (an event pass, say) for {@code principal}: the bytes signed
     * are {@code purpose}, LF, {@code content}, LF, principal. A snapshot's bytes start with '{', so a purpose made of
     * letters keeps the two apart: neither can be passed off as the other.
     */
    public String signTagged(String purpose, String content, String principal) {
        if (purpose.isEmpty() || !Character.isLetter(purpose.charAt(0))) {
            throw new IllegalArgumentException("A signing purpose starts with a letter: " + purpose);
        }
        String message = purpose + '\n' + content + '\n' + (principal == null ? "" : principal);
        byte[] full = mac().doFinal(message.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, SIG_BYTES));
    }

    /** The snapshot with its signature for {@code principal} set (any previous signature ignored). */
    public Snapshot sign(Snapshot snapshot, String principal) {
        return snapshot.withSig(sign(snapshot.component(), snapshot.id(), snapshot.version(), snapshot.state(),
                principal));
    }

    /**
     * A signed snapshot with the size of its state: the state's canonical JSON in UTF-8 bytes, and an estimate of the
     * heap its {@code JsonObject} holds ({@link StateHeap}), both taken from the bytes signed.
     *
     * @param snapshot   the snapshot with its signature
     * @param stateBytes UTF-8 bytes of the state's canonical JSON
     * @param heapBytes  estimated heap bytes of the state
     */
    public record Measured(Snapshot snapshot, int stateBytes, long heapBytes) {
    }

    /** As {@link #sign(Snapshot, String)}, measuring the state from the very bytes signed (no second serialization). */
    public Measured signMeasured(Snapshot snapshot, String principal) {
        StringBuilder out = new StringBuilder(80 + snapshot.state().size() * 16);
        int[] state = appendMessage(snapshot.component(), snapshot.id(), snapshot.version(), snapshot.state(),
                principal, out);
        byte[] message = out.toString().getBytes(StandardCharsets.UTF_8);
        // only the short parts around the state are encoded again to find where it starts and ends in bytes
        int start = out.substring(0, state[0]).getBytes(StandardCharsets.UTF_8).length;
        int end = message.length - out.substring(state[1]).getBytes(StandardCharsets.UTF_8).length;
        byte[] full = mac().doFinal(message);
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, SIG_BYTES));
        return new Measured(snapshot.withSig(sig), end - start, StateHeap.estimate(message, start, end));
    }

    /** A state's canonical JSON (section 2), to sign it under several ids with {@link #signCanonical}. */
    public static String canonical(JsonObject state) {
        StringBuilder out = new StringBuilder(16 + state.size() * 16);
        CanonicalJson.write(state, out);
        return out.toString();
    }

    /**
     * As {@link #sign(String, String, long, JsonObject, String)} for a state already in canonical form
     * ({@link #canonical}): one broadcast's push signs the same new state for every receiving component.
     */
    public String signCanonical(String component, String id, long version, String canonicalState, String principal) {
        return signCanonical(component, id, version, canonicalState.getBytes(StandardCharsets.UTF_8), principal);
    }

    /**
     * As above with the canonical state already in UTF-8: the message is fed to the MAC in three parts, the state's
     * bytes as they are, so signing one state under a thousand receivers' ids copies it nowhere.
     */
    public String signCanonical(String component, String id, long version, byte[] canonicalStateUtf8,
                                String principal) {
        StringBuilder head = new StringBuilder(48 + component.length() + id.length());
        StringBuilder tail = new StringBuilder(32 + (principal == null ? 0 : principal.length()));
        int[] state = appendMessage(component, id, version, o -> { }, principal, head);
        tail.append(head, state[1], head.length());
        head.setLength(state[0]);
        Mac mac = mac();
        mac.update(head.toString().getBytes(StandardCharsets.UTF_8));
        mac.update(canonicalStateUtf8);
        byte[] full = mac.doFinal(tail.toString().getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, SIG_BYTES));
    }

    /** Whether the snapshot's signature matches its content for {@code principal}; false when it has none. */
    public boolean verify(Snapshot snapshot, String principal) {
        if (snapshot.sig() == null) {
            return false;
        }
        String expected = sign(snapshot.component(), snapshot.id(), snapshot.version(), snapshot.state(), principal);
        // compare the text, not decoded bytes: base64 has several spellings of the last 4 bits, accept only one
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                snapshot.sig().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the snapshot when its signature is valid for {@code principal}.
     *
     * @throws InvalidSignatureException otherwise
     */
    public Snapshot requireValid(Snapshot snapshot, String principal) {
        if (!verify(snapshot, principal)) {
            throw new InvalidSignatureException(snapshot.component(), snapshot.id());
        }
        return snapshot;
    }

    /** The exact bytes signed: canonical JSON of the four members (keys already in sorted order), LF, principal. */
    static byte[] message(String component, String id, long version, JsonObject state, String principal) {
        StringBuilder out = new StringBuilder(80 + state.size() * 16);
        appendMessage(component, id, version, state, principal, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends the message; returns where the state's text starts and ends in {@code out} (char indices). */
    private static int[] appendMessage(String component, String id, long version, JsonObject state, String principal,
                                       StringBuilder out) {
        return appendMessage(component, id, version, o -> CanonicalJson.write(state, o), principal, out);
    }

    private static int[] appendMessage(String component, String id, long version,
                                       java.util.function.Consumer<StringBuilder> state, String principal,
                                       StringBuilder out) {
        out.append("{\"component\":");
        CanonicalJson.writeString(component, out);
        out.append(",\"id\":");
        CanonicalJson.writeString(id, out);
        out.append(",\"state\":");
        int start = out.length();
        state.accept(out);
        int end = out.length();
        out.append(",\"version\":").append(version).append("}\n");
        if (principal != null) {
            out.append(principal);
        }
        return new int[] {start, end};
    }

    private Mac mac() {
        if (cloneable) {
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                // checked in the constructor; a provider changing its mind falls through to a fresh Mac
            }
        }
        return newMac();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new StateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static boolean canClone(Mac mac) {
        try {
            mac.clone();
            return true;
        } catch (CloneNotSupportedException e) {
            return false;
        }
    }
}
