package io.diffyne.state;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SnapshotTest {

    private static final String SIG = "JrAGJrBtWzsofsozp3KGgg";

    @Test
    void readsAndWritesTheProtocolShape() {
        Snapshot s = Snapshot.parse("{\"sig\":\"" + SIG + "\",\"state\":{\"b\":[1.0,2],\"a\":\"x\"},"
                + "\"version\":3,\"id\":\"q3Xv9Tz0bA1c\",\"component\":\"counter\"}");
        assertEquals("counter", s.component());
        assertEquals("q3Xv9Tz0bA1c", s.id());
        assertEquals(3L, s.version());
        assertEquals(SIG, s.sig());
        assertEquals("{\"component\":\"counter\",\"id\":\"q3Xv9Tz0bA1c\",\"version\":3,"
                + "\"state\":{\"a\":\"x\",\"b\":[1,2]},\"sig\":\"" + SIG + "\"}", s.toJsonString());
        assertEquals(s.toJsonString(), Snapshot.fromJson(s.toJson()).toJsonString());
    }

    @Test
    void unsignedSnapshotOmitsSig() {
        Snapshot s = new Snapshot("todo-list", "abc", 0, Json.createObjectBuilder().build(), null);
        assertEquals("{\"component\":\"todo-list\",\"id\":\"abc\",\"version\":0,\"state\":{}}", s.toJsonString());
        assertNull(s.toJson().get("sig"));
    }

    @Test
    void versionWrittenAsDecimalIsAccepted() {
        assertEquals(7L, Snapshot.parse(snapshot("7.0", "{}")).version());
        assertEquals(7L, Snapshot.parse(snapshot("0.7e1", "{}")).version());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`[]`|snapshot must be a JSON object, got an array",
            "`{\"component\":\"counter\",\"id\":\"abc\",\"version\":1,\"state\":{}}`|snapshot lacks 'sig'",
            "`{\"id\":\"abc\",\"version\":1,\"state\":{},\"sig\":\"" + SIG + "\"}`|snapshot lacks 'component'",
            "`{\"component\":\"counter\",\"id\":\"abc\",\"state\":{},\"sig\":\"" + SIG + "\"}`|snapshot lacks 'version'",
            "`{\"component\":\"counter\",\"id\":\"abc\",\"version\":1,\"sig\":\"" + SIG + "\"}`|snapshot lacks 'state'",
            "`{\"component\":\"counter\",\"id\":\"abc\",\"version\":1,\"state\":{},\"sig\":\"" + SIG
                    + "\",\"extra\":1}`|snapshot has an unknown member (allowed: component, id, version, state, sig)",
            "`{\"component\":5,\"id\":\"abc\",\"version\":1,\"state\":{},\"sig\":\"" + SIG
                    + "\"}`|snapshot 'component' must be a string, got a number",
            "`{\"component\":\"Counter\",\"id\":\"abc\",\"version\":1,\"state\":{},\"sig\":\"" + SIG
                    + "\"}`|snapshot 'component' has an invalid form",
            "`{\"component\":\"counter\",\"id\":\"a b\",\"version\":1,\"state\":{},\"sig\":\"" + SIG
                    + "\"}`|snapshot 'id' has an invalid form",
            "`{\"component\":\"counter\",\"id\":\"abc\",\"version\":\"1\",\"state\":{},\"sig\":\"" + SIG
                    + "\"}`|snapshot 'version' must be a number, got a string",
            "`{\"component\":\"counter\",\"id\":\"abc\",\"version\":-1,\"state\":{},\"sig\":\"" + SIG
                    + "\"}`|snapshot 'version' must be a non-negative integer",
            "`{\"component\":\"counter\",\"id\":\"abc\",\"version\":1.5,\"state\":{},\"sig\":\"" + SIG
                    + "\"}`|snapshot 'version' must be a non-negative integer",
            "`{\"component\":\"counter\",\"id\":\"abc\",\"version\":1e30,\"state\":{},\"sig\":\"" + SIG
                    + "\"}`|snapshot 'version' must be a non-negative integer",
            "`{\"component\":\"counter\",\"id\":\"abc\",\"version\":1,\"state\":[],\"sig\":\"" + SIG
                    + "\"}`|snapshot 'state' must be an object, got an array",
            "`{\"component\":\"counter\",\"id\":\"abc\",\"version\":1,\"state\":{},\"sig\":null}`"
                    + "|snapshot 'sig' must be a string, got null",
            "`{\"component\":\"counter\",\"id\":\"abc\",\"version\":1,\"state\":{},\"sig\":\"short\"}`"
                    + "|snapshot 'sig' has an invalid form",
    })
    void strictReaderNamesTheProblem(String json, String message) {
        MalformedSnapshotException e = assertThrows(MalformedSnapshotException.class, () -> Snapshot.parse(json));
        assertEquals(message, e.getMessage());
    }

    @Test
    void malformedTextIsAJsonError() {
        assertThrows(MalformedJsonException.class, () -> Snapshot.parse("{\"component\":"));
    }

    private static String snapshot(String version, String state) {
        return "{\"component\":\"counter\",\"id\":\"abc\",\"version\":" + version + ",\"state\":" + state
                + ",\"sig\":\"" + SIG + "\"}";
    }
}
