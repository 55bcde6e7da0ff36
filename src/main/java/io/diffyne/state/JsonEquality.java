package io.diffyne.state;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Map;

/**
 * Equality as the canonical form sees it: numbers by value ({@code 1 == 1.0}), objects regardless of key order.
 * JSON-P's {@code equals} compares numbers with their scale, which would turn a re-spelled number into a delta op.
 */
final class JsonEquality {

    private JsonEquality() {
    }

    static boolean same(JsonValue a, JsonValue b) {
        if (a == b) {
            return true;
        }
        if (a.getValueType() != b.getValueType()) {
            return false;
        }
        switch (a.getValueType()) {
            case NUMBER:
                return WholeNumbers.same((JsonNumber) a, (JsonNumber) b);
            case STRING:
                return ((JsonString) a).getString().equals(((JsonString) b).getString());
            case ARRAY: {
                JsonArray x = (JsonArray) a;
                JsonArray y = (JsonArray) b;
                if (x.size() != y.size()) {
                    return false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!same(x.get(i), y.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            case OBJECT: {
                JsonObject x = (JsonObject) a;
                JsonObject y = (JsonObject) b;
                if (x.size() != y.size()) {
                    return false;
                }
                for (Map.Entry<String, JsonValue> e : x.entrySet()) {
                    JsonValue other = y.get(e.getKey());
                    if (other == null || !same(e.getValue(), other)) {
                        return false;
                    }
                }
                return true;
            }
            default:
                return true; // TRUE, FALSE, NULL: same type is same value
        }
    }
}
