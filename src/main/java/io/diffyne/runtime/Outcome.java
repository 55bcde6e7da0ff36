package io.diffyne.runtime;

import io.diffyne.component.spi.Effects;
import io.diffyne.diff.Patch;
import io.diffyne.state.Snapshot;
import io.diffyne.vdom.VElement;

import jakarta.json.JsonArray;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one successful (or validation-failed) run produced, before it is written as a response.
 *
 * @param snapshot   the new signed snapshot
 * @param tree       the new rendered tree
 * @param patches    from the client's tree to {@link #tree}
 * @param delta      from the client's state to the new one
 * @param effects    events, browser events, broadcasts, redirect, errors
 * @param query      query-string values that changed (JSON texts)
 * @param listeners  event names the component listens to
 * @param channels   channels it is on now
 * @param grants     grants of {@link #channels} by channel, when they differ from the channels before; else null
 */
record Outcome(Snapshot snapshot, VElement tree, List<Patch> patches, JsonArray delta, Effects effects,
               Map<String, String> query, Set<String> listeners, Set<String> channels, Map<String, String> grants) {
}
