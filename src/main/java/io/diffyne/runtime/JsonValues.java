package io.diffyne.runtime;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON-P values as plain Java: maps, lists, strings, numbers (int, long or BigDecimal), booleans, null. */
final class JsonValues {

    private JsonValues() {
    }

    static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((k, v) -> map.put(k, toJava(v)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonValue item : (JsonArray) value) {
                    list.add(toJava(item));
                }
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> number((JsonNumber) value);
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    private static Object number(JsonNumber number) {
        if (number.isIntegral()) {
            long asLong = number.longValue();
            if (number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(asLong)) == 0) {
                return asLong >= Integer.MIN_VALUE && asLong <= Integer.MAX_VALUE ? (Object) (int) asLong : asLong;
            }
        }
        return number.bigDecimalValue();
    }
}
