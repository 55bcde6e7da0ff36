package io.diffyne.state;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StateDeltaTest {

    private static JsonObject obj(String json) {
        return CanonicalJson.parseObject(json);
    }

    private static String delta(String from, String to) {
        JsonArray d = StateDelta.diff(obj(from), obj(to));
        assertEquals(CanonicalJson.write(obj(to)), CanonicalJson.write(StateDelta.apply(obj(from), d)),
                "apply(diff) must give the target");
        return CanonicalJson.write(d);
    }

    private static String items(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "{\"id\":" + i + ",\"name\":\"item " + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void counterChangeIsOneReplace() {
        assertEquals("[[\"p\",\"/count\",3]]", delta("{\"count\":2,\"label\":\"x\"}", "{\"count\":3,\"label\":\"x\"}"));
    }

    @Test
    void equalStatesGiveNoOps() {
        assertEquals("[]", delta("{\"a\":1.0,\"b\":[1,{\"c\":2}]}", "{\"b\":[1,{\"c\":2.00}],\"a\":1}"));
    }

    @Test
    void appendingToAHundredItemListIsOneAdd() {
        assertEquals("[[\"a\",\"/items/100\",{\"id\":100,\"name\":\"item 100\"}]]",
                delta("{\"items\":" + items(0, 100) + "}", "{\"items\":" + items(0, 101) + "}"));
    }

    @Test
    void removingAtTailHeadOrMiddleIsOneRemove() {
        assertEquals("[[\"r\",\"/items/99\"]]",
                delta("{\"items\":" + items(0, 100) + "}", "{\"items\":" + items(0, 99) + "}"));
        assertEquals("[[\"r\",\"/items/0\"]]",
                delta("{\"items\":" + items(0, 100) + "}", "{\"items\":" + items(1, 100) + "}"));
        assertEquals("[[\"r\",\"/l/2\"]]", delta("{\"l\":[0,1,2,3,4]}", "{\"l\":[0,1,3,4]}"));
        assertEquals("[[\"r\",\"/l/3\"],[\"r\",\"/l/2\"]]", delta("{\"l\":[0,1,2,3,4]}", "{\"l\":[0,1,4]}"));
    }

    @Test
    void insertingAnywhereIsOneAdd() {
        assertEquals("[[\"a\",\"/l/0\",9]]", delta("{\"l\":[1,2,3]}", "{\"l\":[9,1,2,3]}"));
        assertEquals("[[\"a\",\"/l/1\",9]]", delta("{\"l\":[1,2,3]}", "{\"l\":[1,9,2,3]}"));
    }

    @Test
    void aWindowThatDropsItsOldestAndTakesOneIsOneRemoveAndOneAdd() {
        // a chat keeping its newest 50 messages: every message moved up by one, which was 100 ops by position
        assertEquals("[[\"r\",\"/items/0\"],[\"a\",\"/items/49\",{\"id\":50,\"name\":\"item 50\"}]]",
                delta("{\"items\":" + items(0, 50) + "}", "{\"items\":" + items(1, 51) + "}"));
        assertEquals("[[\"r\",\"/items/0\"],[\"r\",\"/items/0\"],[\"r\",\"/items/0\"],"
                        + "[\"a\",\"/items/47\",{\"id\":50,\"name\":\"item 50\"}]]",
                delta("{\"items\":" + items(0, 50) + "}", "{\"items\":" + items(3, 51) + "}"));
    }

    @Test
    void aWindowThatTakesNewestFirstAndDropsItsLastIsOneAddAndOneRemove() {
        assertEquals("[[\"a\",\"/l/0\",9],[\"r\",\"/l/5\"]]", delta("{\"l\":[1,2,3,4,5]}", "{\"l\":[9,1,2,3,4]}"));
        // inside a common prefix and suffix, the indices are the array's
        assertEquals("[[\"a\",\"/l/1\",8],[\"a\",\"/l/2\",9],[\"r\",\"/l/8\"],[\"r\",\"/l/7\"]]",
                delta("{\"l\":[0,1,2,3,4,5,6,7]}", "{\"l\":[0,8,9,1,2,3,4,7]}"));
    }

    @Test
    void aShiftIsUsedOnlyWhenItTakesFewerOpsThanThePositions() {
        // one element each side: a replace, not a remove and an add
        assertEquals("[[\"p\",\"/l/1\",9]]", delta("{\"l\":[0,1,2]}", "{\"l\":[0,9,2]}"));
        // [1,2] -> [2,3]: a shift (remove 1, add 3) against two replaces: equal, so by position
        assertEquals("[[\"p\",\"/l/0\",2],[\"p\",\"/l/1\",3]]", delta("{\"l\":[1,2]}", "{\"l\":[2,3]}"));
        // the first match is a coincidence (2 appears early, the rest does not follow): by position
        assertEquals("[[\"p\",\"/l/0\",2],[\"p\",\"/l/1\",5],[\"p\",\"/l/2\",6]]",
                delta("{\"l\":[1,2,3]}", "{\"l\":[2,5,6]}"));
    }

    @Test
    void aShiftFartherThanTheReachIsComparedByPosition() {
        String from = "{\"items\":" + items(0, 200) + "}";
        int beyond = ArrayShift.REACH + 1;
        String to = "{\"items\":" + items(beyond, 200 + beyond) + "}";
        assertEquals(200, jakarta.json.Json.createReader(new java.io.StringReader(delta(from, to))).readArray().size()
                / 2, "two replaces (id and name) per position");
        String near = "{\"items\":" + items(ArrayShift.REACH, 200 + ArrayShift.REACH) + "}";
        assertEquals(2 * ArrayShift.REACH,
                jakarta.json.Json.createReader(new java.io.StringReader(delta(from, near))).readArray().size());
    }

    @Test
    void editingOneElementRecursesIntoIt() {
        assertEquals("[[\"p\",\"/items/42/name\",\"renamed\"]]",
                delta("{\"items\":" + items(0, 100) + "}",
                        "{\"items\":" + items(0, 100).replace("\"item 42\"", "\"renamed\"") + "}"));
    }

    @Test
    void objectMembersAddedRemovedReplacedInKeyOrder() {
        assertEquals("[[\"r\",\"/a\"],[\"p\",\"/b\",[1]],[\"a\",\"/c\",null],[\"p\",\"/d/e\",false]]",
                delta("{\"a\":1,\"b\":{\"x\":1},\"d\":{\"e\":true}}", "{\"b\":[1],\"c\":null,\"d\":{\"e\":false}}"));
    }

    @Test
    void pointersEscapeTildeAndSlash() {
        assertEquals("[[\"p\",\"/a~1b~0c\",2],[\"a\",\"/~01\",true]]",
                delta("{\"a/b~c\":1}", "{\"a/b~c\":2,\"~1\":true}"));
    }

    @Test
    void applyHandlesEscapesIndicesAndAppendDash() {
        JsonObject state = obj("{\"a/b\":{\"~\":[1,2]},\"l\":[[0]]}");
        JsonArray ops = CanonicalJson.parse("[[\"a\",\"/a~1b/~0/-\",3],[\"p\",\"/l/0/0\",5],[\"r\",\"/a~1b/~0/0\"],"
                + "[\"a\",\"/new\",{\"x\":1}],[\"a\",\"/l/1\",\"end\"]]").asJsonArray();
        assertEquals("{\"a/b\":{\"~\":[2,3]},\"l\":[[5],\"end\"],\"new\":{\"x\":1}}",
                CanonicalJson.write(StateDelta.apply(state, ops)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`[1]`|state delta op 0: an op must be an array [op, pointer, value?]",
            "`[[\"p\"]]`|state delta op 0: an op must be [op, pointer, value?] with string op and pointer",
            "`[[\"x\",\"/a\",1]]`|state delta op 0: unknown op (expected a, r or p)",
            "`[[\"p\",\"/a\"]]`|state delta op 0: op needs a value",
            "`[[\"r\",\"/a\",1]]`|state delta op 0: remove takes no value",
            "`[[\"p\",\"\",1]]`|state delta op 0: pointer must start with '/' (the state root itself cannot be replaced)",
            "`[[\"p\",\"/zz\",1]]`|state delta op 0: pointer names a member that does not exist",
            "`[[\"p\",\"/a~2\",1]]`|state delta op 0: invalid '~' escape in pointer (only ~0 and ~1)",
            "`[[\"p\",\"/l/3\",1]]`|state delta op 0: array index out of bounds",
            "`[[\"p\",\"/l/01\",1]]`|state delta op 0: invalid array index in pointer",
            "`[[\"p\",\"/l/-\",1]]`|state delta op 0: invalid array index in pointer",
            "`[[\"a\",\"/l/4\",1]]`|state delta op 0: array index out of bounds",
            "`[[\"p\",\"/a\",2],[\"p\",\"/a/b\",1]]`|state delta op 1: pointer goes through a member that is missing "
                    + "or not a container",
            "`[[\"p\",\"/x/y/z\",1]]`|state delta op 0: pointer goes through a member that is missing or not a "
                    + "container",
    })
    void applyRefusesBadOps(String ops, String message) {
        MalformedSnapshotException e = assertThrows(MalformedSnapshotException.class,
                () -> StateDelta.apply(obj("{\"a\":1,\"l\":[1,2,3]}"), CanonicalJson.parse(ops).asJsonArray()));
        assertEquals(message, e.getMessage());
    }
}
