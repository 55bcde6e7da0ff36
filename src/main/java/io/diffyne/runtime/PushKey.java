package io.diffyne.runtime;

import jakarta.json.JsonObject;

import java.util.Objects;
import java.util.Set;

/**
 * What a broadcast listener's run and render depend on, so that components equal in all of it share one: the
 * component type, its state and the caller it runs for. The tree its client shows is the rest of it; it is compared
 * only among the components that are equal in all of this ({@link BroadcastDelivery}), so that components of states of
 * their own never pay for a hash of a whole tree. {@link #held} keys by the identity of the state and tree objects
 * instead: after one shared push every receiver holds the very same objects, and that key needs no hash at all.
 */
final class PushKey {

    private final boolean identity;
    private final String component;
    private final JsonObject state;
    private final Object tree;
    private final String principal;
    private final Set<String> roles;
    private final int hash;

    PushKey(String component, JsonObject state, String principal, Set<String> roles) {
        this(false, component, state, null, principal, roles);
    }

    private PushKey(boolean identity, String component, JsonObject state, Object tree, String principal,
                    Set<String> roles) {
        this.identity = identity;
        this.component = component;
        this.state = state;
        this.tree = tree;
        this.principal = principal;
        this.roles = roles;
        this.hash = identity
                ? Objects.hash(component, System.identityHashCode(state), System.identityHashCode(tree), principal,
                        roles)
                : Objects.hash(component, state, principal, roles);
    }

    /** The key of these very state and tree objects (equal only to another such key of the same objects). */
    static PushKey held(String component, JsonObject state, Object tree, String principal, Set<String> roles) {
        return new PushKey(true, component, state, tree, principal, roles);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof PushKey k && hash == k.hash && identity == k.identity
                && component.equals(k.component) && Objects.equals(principal, k.principal) && roles.equals(k.roles)
                && (identity ? state == k.state && tree == k.tree : state.equals(k.state));
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
