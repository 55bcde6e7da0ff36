package io.diffyne.state;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValueCoercerTest {

    enum Color { RED, GREEN }

    record Item(String name, int qty) {
    }

    record Order(String id, List<Item> items, Map<Color, Integer> counts) {
    }

    public static class Address {
        public String city;
        public int zip;
    }

    @SuppressWarnings("unused")
    private static final class Holder {
        List<Item> items;
        Map<String, List<Integer>> groups;
        Optional<LocalDate> due;
        Set<String> tags;
        SortedMap<String, Integer> sorted;
        List<? extends Number> numbers;
        int[] ints;
        List<String>[] lists;
    }

    private static JsonValue json(String s) {
        return CanonicalJson.parse(s);
    }

    private static Type type(String field) throws NoSuchFieldException {
        return Holder.class.getDeclaredField(field).getGenericType();
    }

    private static CoercionException fail(String json, Type target) {
        return assertThrows(CoercionException.class, () -> ValueCoercer.coerce(json(json), target, "f"));
    }

    @Test
    void primitivesAndBoxes() {
        assertEquals(42, ValueCoercer.coerce(json("42"), int.class));
        assertEquals(42, ValueCoercer.coerce(json("42.0"), Integer.class));
        assertEquals(12, ValueCoercer.coerce(json("\"12\""), int.class));
        assertEquals(-128, (int) ValueCoercer.coerce(json("-128"), byte.class));
        assertEquals((short) 300, ValueCoercer.coerce(json("300"), short.class));
        assertEquals(9007199254740993L, ValueCoercer.coerce(json("9007199254740993"), long.class));
        assertEquals(0.1, ValueCoercer.coerce(json("0.1"), double.class));
        assertEquals(0.1f, ValueCoercer.coerce(json("\"0.1\""), float.class));
        assertEquals(true, ValueCoercer.coerce(json("true"), boolean.class));
        assertEquals(false, ValueCoercer.coerce(json("\"false\""), Boolean.class));
        assertEquals('x', ValueCoercer.coerce(json("\"x\""), char.class));
        assertNull(ValueCoercer.coerce(json("null"), Integer.class));
        assertNull(ValueCoercer.coerce(json("\"\""), Integer.class));
        assertNull(ValueCoercer.coerce(null, String.class));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "300|byte|f: expected an integer between -128 and 127, got 300",
            "1.5|int|f: expected an integer, got a fraction",
            "null|int|f: null is not allowed here",
            "`\"\"`|int|f: expected a number, got a string that is not one",
            "`\"12a\"`|int|f: expected a number, got a string that is not one",
            "`\"1e99999\"`|int|f: expected a number, got a string that is not one",
            "true|int|f: expected a number, got a boolean",
            "2147483648|int|f: expected an integer between -2147483648 and 2147483647, got 2147483648",
            "1e400|long|f: expected an integer between -9223372036854775808 and 9223372036854775807, got 1E+400",
            "1e400|double|f: number out of range",
            "1|boolean|f: expected true or false, got a number",
            "`\"yes\"`|boolean|f: expected true or false, got a string",
            "`\"ab\"`|char|f: expected a single character",
            "5|java.lang.String|f: expected a string, got a number",
    })
    void scalarErrorsNameThePathAndReason(String json, String typeName, String clientMessage) throws Exception {
        Class<?> target = switch (typeName) {
            case "byte" -> byte.class;
            case "int" -> int.class;
            case "long" -> long.class;
            case "double" -> double.class;
            case "boolean" -> boolean.class;
            case "char" -> char.class;
            default -> Class.forName(typeName);
        };
        CoercionException e = fail(json, target);
        assertEquals(clientMessage, e.clientMessage());
        assertEquals("f", e.path());
        assertEquals(target, e.targetType());
    }

    @Test
    void fullMessageNamesTheJavaTypeForLogs() {
        assertEquals("f: cannot convert to byte: expected an integer between -128 and 127, got 300",
                fail("300", byte.class).getMessage());
    }

    @Test
    void bigNumbers() {
        assertEquals(new BigDecimal("12.50"), ValueCoercer.coerce(json("12.50"), BigDecimal.class));
        assertEquals(new BigInteger("123456789012345678901234567890"),
                ValueCoercer.coerce(json("123456789012345678901234567890"), BigInteger.class));
        assertEquals("f: expected an integer, got a fraction", fail("0.5", BigInteger.class).clientMessage());
    }

    @Test
    void enumsByExactName() {
        assertEquals(Color.GREEN, ValueCoercer.coerce(json("\"GREEN\""), Color.class));
        assertEquals("f: expected one of RED, GREEN", fail("\"green\"", Color.class).clientMessage());
    }

    @Test
    void javaTimeFromIsoStrings() {
        assertEquals(LocalDate.of(2024, 5, 31), ValueCoercer.coerce(json("\"2024-05-31\""), LocalDate.class));
        assertEquals(LocalDateTime.of(2024, 5, 31, 14, 30),
                ValueCoercer.coerce(json("\"2024-05-31T14:30\""), LocalDateTime.class));
        assertEquals(LocalTime.of(14, 30), ValueCoercer.coerce(json("\"14:30\""), LocalTime.class));
        assertEquals(Instant.parse("2024-05-31T12:30:00Z"),
                ValueCoercer.coerce(json("\"2024-05-31T12:30:00Z\""), Instant.class));
        assertEquals(OffsetDateTime.parse("2024-05-31T14:30+02:00"),
                ValueCoercer.coerce(json("\"2024-05-31T14:30+02:00\""), OffsetDateTime.class));
        assertEquals(ZonedDateTime.parse("2024-05-31T14:30+02:00[Europe/Paris]"),
                ValueCoercer.coerce(json("\"2024-05-31T14:30+02:00[Europe/Paris]\""), ZonedDateTime.class));
        assertEquals(Duration.ofMinutes(90), ValueCoercer.coerce(json("\"PT1H30M\""), Duration.class));
        assertEquals("f: expected an ISO-8601 date such as 2024-05-31",
                fail("\"31/05/2024\"", LocalDate.class).clientMessage());
    }

    @Test
    void genericCollectionsAndRecordsWithExactPaths() throws Exception {
        Object items = ValueCoercer.coerce(json("[{\"name\":\"milk\",\"qty\":2},{\"name\":\"egg\",\"qty\":\"12\"}]"),
                type("items"));
        assertEquals(List.of(new Item("milk", 2), new Item("egg", 12)), items);
        assertEquals(ArrayList.class, items.getClass());
        CoercionException e = assertThrows(CoercionException.class, () -> ValueCoercer.coerce(
                json("[{\"name\":\"a\",\"qty\":1},{\"name\":\"b\",\"qty\":1},{\"name\":\"c\",\"qty\":1},"
                        + "{\"name\":\"d\",\"qty\":1.5}]"), type("items"), "items"));
        assertEquals("items[3].qty", e.path());
        assertEquals("items[3].qty: expected an integer, got a fraction", e.clientMessage());
        assertEquals("items[0].qty: null is not allowed here", assertThrows(CoercionException.class,
                () -> ValueCoercer.coerce(json("[{\"name\":\"a\"}]"), type("items"), "items")).clientMessage());
        assertEquals("items[0].price: unknown property", assertThrows(CoercionException.class,
                () -> ValueCoercer.coerce(json("[{\"name\":\"a\",\"qty\":1,\"price\":3}]"), type("items"), "items"))
                .clientMessage());
    }

    @Test
    void mapsSetsOptionalsArrays() throws Exception {
        assertEquals(Map.of("a", List.of(1, 2), "b", List.of()),
                ValueCoercer.coerce(json("{\"a\":[1,2],\"b\":[]}"), type("groups")));
        assertEquals("groups.a[1]: expected a number, got a string that is not one", assertThrows(
                CoercionException.class, () -> ValueCoercer.coerce(json("{\"a\":[1,\"x\"]}"), type("groups"),
                        "groups")).clientMessage());
        assertEquals(Optional.of(LocalDate.of(2024, 1, 2)), ValueCoercer.coerce(json("\"2024-01-02\""), type("due")));
        assertEquals(Optional.empty(), ValueCoercer.coerce(json("null"), type("due")));
        Object tags = ValueCoercer.coerce(json("[\"b\",\"a\",\"b\"]"), type("tags"));
        assertEquals(new LinkedHashSet<>(List.of("b", "a")), tags);
        assertEquals(LinkedHashSet.class, tags.getClass());
        assertEquals(TreeMap.class, ValueCoercer.coerce(json("{\"b\":1,\"a\":2}"), type("sorted")).getClass());
        assertArrayEquals(new int[] {1, 2, 3}, (int[]) ValueCoercer.coerce(json("[1,2,3]"), type("ints")));
        assertEquals("ints[1]: null is not allowed here", assertThrows(CoercionException.class,
                () -> ValueCoercer.coerce(json("[1,null]"), type("ints"), "ints")).clientMessage());
        @SuppressWarnings("unchecked")
        List<String>[] lists = (List<String>[]) ValueCoercer.coerce(json("[[\"a\"],[]]"), type("lists"));
        assertEquals(List.of(List.of("a"), List.of()), Arrays.asList(lists));
        assertEquals(List.of(1, new BigDecimal("2.5")), ValueCoercer.coerce(json("[1,2.5]"), type("numbers")));
    }

    @Test
    void mapKeysAreConvertedFromStrings() {
        Order o = ValueCoercer.coerce(json("{\"id\":\"o1\",\"items\":[],\"counts\":{\"RED\":2}}"), Order.class);
        assertEquals(new Order("o1", List.of(), Map.of(Color.RED, 2)), o);
        CoercionException e = assertThrows(CoercionException.class, () -> ValueCoercer.coerce(
                json("{\"id\":\"o1\",\"items\":[],\"counts\":{\"BLUE\":2}}"), Order.class, "order"));
        assertEquals("order.counts.BLUE: expected one of RED, GREEN", e.clientMessage());
    }

    @Test
    void pojosGoThroughJsonbWithoutLeakingItsMessages() {
        Address a = ValueCoercer.coerce(json("{\"city\":\"Paris\",\"zip\":75001}"), Address.class);
        assertEquals("Paris", a.city);
        assertEquals(75001, a.zip);
        CoercionException e = fail("{\"city\":\"Paris\",\"zip\":\"not a zip\"}", Address.class);
        assertEquals("f: value does not match the expected object", e.clientMessage());
    }

    @Test
    void objectTargetGivesNaturalJava() {
        assertEquals(Arrays.asList("a", 1, 10000000000L, new BigDecimal("1.5"), true, null, Map.of("k", List.of())),
                ValueCoercer.coerce(json("[\"a\",1,10000000000,1.5,true,null,{\"k\":[]}]"), Object.class));
    }

    @Test
    void jsonValueTargetsPassThrough() {
        JsonValue v = json("{\"a\":1}");
        assertEquals(v, ValueCoercer.coerce(v, JsonValue.class));
        assertEquals(v, ValueCoercer.coerce(v, jakarta.json.JsonObject.class));
        assertEquals("f: expected an array, got an object",
                fail("{\"a\":1}", jakarta.json.JsonArray.class).clientMessage());
    }

    @Test
    void wrongContainerShapes() throws Exception {
        assertEquals("f: expected an array, got an object", fail("{}", type("items")).clientMessage());
        assertEquals("f: expected an object, got an array", fail("[]", type("groups")).clientMessage());
        assertEquals("f: expected an object, got a string", fail("\"x\"", Item.class).clientMessage());
        assertEquals("f: unsupported target type (interface or abstract)",
                fail("{}", Runnable.class).clientMessage());
    }
}
