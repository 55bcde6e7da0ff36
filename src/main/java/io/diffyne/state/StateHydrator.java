package io.diffyne.state;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * Restores verified snapshot state into a fresh component instance. A snapshot carries exactly the component's state
 * fields (the server wrote it), so a missing or an unknown key means a snapshot of another version of the class, or
 * forged content that slipped past verification: both are errors. All values are converted before the first field is
 * written, so a failure leaves the instance untouched.
 */
public final class StateHydrator {

    /** How one field's JSON becomes its value: {@link ValueCoercer} unless the caller knows better for a field. */
    @FunctionalInterface
    public interface FieldReader {
        /** The default: the field's declared type, by {@link ValueCoercer}'s rules. */
        FieldReader COERCE = (field, json) -> ValueCoercer.coerce(json, field.type(), field.name());

        /**
         * @throws CoercionException when the value does not fit
         */
        Object read(StateField field, JsonValue json);
    }

    private StateHydrator() {
    }

    /**
     * Sets every state field of {@code component} from {@code state}.
     *
     * @throws MalformedSnapshotException on a missing or unknown key
     * @throws CoercionException when a value does not fit its field (path starts with the field name)
     */
    public static void hydrate(Object component, JsonObject state) {
        hydrate(component, state, FieldReader.COERCE);
    }

    /** As {@link #hydrate(Object, JsonObject)}, each value read by {@code reader} (the runtime's upload fields). */
    public static void hydrate(Object component, JsonObject state, FieldReader reader) {
        StateFields fields = StateFields.of(component.getClass());
        for (String key : state.keySet()) {
            if (fields.get(key) == null) {
                throw new MalformedSnapshotException("snapshot state has a key that is not a state field of "
                        + "this component");
            }
        }
        List<StateField> all = fields.all();
        Object[] values = new Object[all.size()];
        for (int i = 0; i < values.length; i++) {
            StateField f = all.get(i);
            JsonValue json = state.get(f.name());
            if (json == null) {
                throw new MalformedSnapshotException("snapshot state lacks the state field '" + f.name() + "'");
            }
            values[i] = reader.read(f, json);
        }
        for (int i = 0; i < values.length; i++) {
            all.get(i).set(component, values[i]);
        }
    }
}
