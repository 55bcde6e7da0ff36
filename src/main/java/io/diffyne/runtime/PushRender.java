package io.diffyne.runtime;

import io.diffyne.component.spi.Effects;
import io.diffyne.diff.Patch;
import io.diffyne.protocol.PatchWriter;
import io.diffyne.state.CanonicalJson;
import io.diffyne.vdom.SizedTree;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A broadcast listener's run and render for one component, everything of its push but what belongs to the receiver
 * (id, version, signature, event passes, grants): shared by every component with the same {@link PushKey}, or, when
 * the run failed, the failure every one of them answers. What every receiver's answer repeats (the patches in each
 * form, the state delta, the state's canonical bytes) is written once, by the first receiver that needs it.
 *
 * @param computedBy     id of the component it was computed for
 * @param sharable       false when the new state or HTML contains that component's id: then it is that one's only
 * @param failure        the failure result when the run failed (every other field null)
 * @param state          the new state
 * @param canonicalState its canonical JSON (protocol.md §2) in UTF-8, signed under each receiver's id
 * @param stateHeap      estimated heap of {@code state}
 * @param tree           the new tree
 * @param patches        from the shown tree to {@code tree}
 * @param delta          from the old state to the new one
 * @param effects        what the listener asked for
 * @param query          query-string values that changed
 * @param channelsBefore channels before the run
 * @param channels       channels after it
 * @param written        the JSON texts every receiver's answer repeats, written once
 */
record PushRender(String computedBy, boolean sharable, ActionResult failure, JsonObject state, byte[] canonicalState,
                  long stateHeap, SizedTree tree, List<Patch> patches, JsonArray delta, Effects effects,
                  Map<String, String> query, Set<String> channelsBefore, Set<String> channels, Written written) {

    static PushRender failed(String computedBy, ActionResult failure) {
        return new PushRender(computedBy, true, failure, null, null, 0, null, null, null, null, null, null, null,
                null);
    }

    /** Whether the component {@code id} may use this render. */
    boolean usableBy(String id) {
        return sharable || computedBy.equals(id);
    }

    /**
     * The patches (in either form: clients speak protocol versions with and without compact patches) and the state
     * delta as JSON, each written on first use. Racing receivers may each write one; they write the same text, and
     * one of them is kept.
     */
    static final class Written {
        private final List<Patch> patches;
        private final JsonArray delta;
        private volatile String plain;
        private volatile String compact;
        private volatile String deltaJson;

        Written(List<Patch> patches, JsonArray delta) {
            this.patches = patches;
            this.delta = delta;
        }

        String patches(boolean compactForm) {
            String text = compactForm ? compact : plain;
            if (text == null) {
                StringBuilder out = new StringBuilder(64 + 64 * patches.size());
                if (compactForm) {
                    PatchWriter.writeCompact(patches, out);
                    text = compact = out.toString();
                } else {
                    PatchWriter.write(patches, out);
                    text = plain = out.toString();
                }
            }
            return text;
        }

        String delta() {
            String text = deltaJson;
            if (text == null) {
                StringBuilder out = new StringBuilder(64);
                CanonicalJson.write(delta, out);
                text = deltaJson = out.toString();
            }
            return text;
        }
    }
}
