package io.diffyne.runtime;

import jakarta.json.JsonObject;

import java.util.Set;

/**
 * One live component held by a connection: its latest signed snapshot and the tree the client shows.
 *
 * @param id        component id
 * @param component registered component name
 * @param version   snapshot version
 * @param sig       snapshot signature
 * @param state     the full state of that version
 * @param tree      the rendered tree of that version (an {@code io.diffyne.vdom.VNode})
 * @param listeners event names it listens to
 * @param channels  broadcast channels it is on
 * @param stateHeap estimated heap bytes of {@code state} ({@code io.diffyne.state.StateHeap})
 * @param treeHeap  estimated heap bytes of {@code tree} ({@code io.diffyne.vdom.SizedTree})
 */
public record LiveComponent(String id, String component, long version, String sig, JsonObject state, Object tree,
                            Set<String> listeners, Set<String> channels, long stateHeap, long treeHeap) {

    /** The record, its strings and sets and the store's bookkeeping, beyond state and tree. */
    static final int ENTRY = 512;

    /** Estimated heap bytes this entry holds: what the live-component bounds count. */
    public long bytes() {
        return ENTRY + stateHeap + treeHeap;
    }
}
