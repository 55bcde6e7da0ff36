package io.diffyne.runtime;

import io.diffyne.component.spi.Effects;
import io.diffyne.diff.Patch;
import io.diffyne.vdom.SizedTree;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A broadcast listener's run and render for one component, everything of its push but what belongs to the receiver
 * (id, version, signature, event passes, grants): shared by every component with the same {@link PushKey}, or, when
 * the run failed, the failure every one of them answers.
 *
 * @param computedBy     id of the component it was computed for
 * @param sharable       false when the new state or HTML contains that component's id: then it is that one's only
 * @param failure        the failure result when the run failed (every other field null)
 * @param state          the new state
 * @param canonicalState its canonical JSON (protocol.md §2), signed under each receiver's id
 * @param stateHeap      estimated heap of {@code state}
 * @param tree           the new tree
 * @param patches        from the shown tree to {@code tree}
 * @param delta          from the old state to the new one
 * @param effects        what the listener asked for
 * @param query          query-string values that changed
 * @param channelsBefore channels before the run
 * @param channels       channels after it
 */
record PushRender(String computedBy, boolean sharable, ActionResult failure, JsonObject state, String canonicalState,
                  long stateHeap, SizedTree tree, List<Patch> patches, JsonArray delta, Effects effects,
                  Map<String, String> query, Set<String> channelsBefore, Set<String> channels) {

    static PushRender failed(String computedBy, ActionResult failure) {
        return new PushRender(computedBy, true, failure, null, null, 0, null, null, null, null, null, null, null);
    }

    /** Whether the component {@code id} may use this render. */
    boolean usableBy(String id) {
        return sharable || computedBy.equals(id);
    }
}
