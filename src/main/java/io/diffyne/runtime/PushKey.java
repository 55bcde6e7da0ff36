package io.diffyne.runtime;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a broadcast delivery looks for a render to share ({@link BroadcastDelivery}). Its content key holds the
 * component type, the caller it runs for and the state's outline: a hash of the state's top-level names and scalar
 * values and of its arrays' and objects' sizes, which equal states share. The whole state and the tree the client
 * shows are compared only among the components of one outline, so components of states of their own (one author
 * each, say) never pay for a hash of a whole state or tree. {@link #held} keys by the identity of the state and tree
 * objects instead: after one shared push every receiver holds the very same objects, and that key needs no hash at all.
 */
final class PushKey {

    private final boolean identity;
    private final String component;
    private final JsonObject state;
    private final Object tree;
    private final String principal;
    private final Set<String> roles;
    private final int outline;
    private final int hash;

    /** The content key of {@code state} (by its outline) for this type and caller. */
    PushKey(String component, JsonObject state, String principal, Set<String> roles) {
        this(false, component, null, null, principal, roles, outline(state));
    }

    private PushKey(boolean identity, String component, JsonObject state, Object tree, String principal,
                    Set<String> roles, int outline) {
        this.identity = identity;
        this.component = component;
        this.state = state;
        this.tree = tree;
        this.principal = principal;
        this.roles = roles;
        this.outline = outline;
        this.hash = identity
                ? Objects.hash(component, System.identityHashCode(state), System.identityHashCode(tree), principal,
                        roles)
                : Objects.hash(component, outline, principal, roles);
    }

    /** The key of these very state and tree objects (equal only to another such key of the same objects). */
    static PushKey held(String component, JsonObject state, Object tree, String principal, Set<String> roles) {
        return new PushKey(true, component, state, tree, principal, roles, 0);
    }

    /**
     * A hash of {@code state} that equal states (as {@link JsonObject#equals} has it) share: its top-level names with
     * their scalar values, and the sizes of its arrays and objects, in any order. Cheap: it does not descend.
     */
    static int outline(JsonObject state) {
        int h = state.size();
        for (Map.Entry<String, JsonValue> member : state.entrySet()) {
            h += member.getKey().hashCode() ^ scalar(member.getValue());
        }
        return h;
    }

    private static int scalar(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString().hashCode();
            // equal numbers have equal values and scales (BigDecimal's equals), so both kinds agree
            case NUMBER -> ((JsonNumber) value).isIntegral() ? Long.hashCode(((JsonNumber) value).longValue())
                    : ((JsonNumber) value).bigDecimalValue().hashCode();
            case ARRAY -> 31 * ((JsonArray) value).size() + 1;
            case OBJECT -> 37 * ((JsonObject) value).size() + 2;
            case TRUE -> 3;
            case FALSE -> 4;
            case NULL -> 5;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof PushKey k && hash == k.hash && identity == k.identity
                && outline == k.outline && component.equals(k.component) && Objects.equals(principal, k.principal)
                && roles.equals(k.roles) && state == k.state && tree == k.tree;
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
