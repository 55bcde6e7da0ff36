package io.diffyne.template;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The variables of one render. Pebble reads variables through {@code get}/{@code containsKey} of the map it is given,
 * so computed values are computed here on first read and remembered for the rest of the render — a computed value
 * the template never reads is never computed.
 */
final class RenderScope extends AbstractMap<String, Object> {

    /** Carries a computed value's own exception through Pebble, which may wrap it, back to the caller. */
    static final class ComputedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ComputedFailure(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private final Map<String, Object> values;
    private final Map<String, ? extends Supplier<?>> computed;
    private final Map<String, Object> memo = new HashMap<>();

    RenderScope(Map<String, Object> values, Map<String, ? extends Supplier<?>> computed) {
        this.values = values;
        this.computed = computed;
    }

    @Override
    public Object get(Object key) {
        if (values.containsKey(key)) {
            return values.get(key);
        }
        Supplier<?> supplier = computed.get(key);
        if (supplier == null) {
            return null;
        }
        if (memo.containsKey(key)) {
            return memo.get(key);
        }
        Object value;
        try {
            value = supplier.get();
        } catch (RuntimeException e) {
            throw new ComputedFailure(e);
        }
        memo.put((String) key, value);
        return value;
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key) || computed.containsKey(key);
    }

    /** Everything, computed values included (Pebble only needs this for whole-context dumps). */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>(values);
        computed.keySet().forEach(k -> all.put(k, get(k)));
        return all.entrySet();
    }
}
