package io.diffyne.state;

import io.diffyne.component.State;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StateHydratorTest {

    public static class Todo {
        public String draft = "initial";
        public List<Integer> ids = List.of();
        @State private int done;

        int done() {
            return done;
        }
    }

    private static jakarta.json.JsonObject state(String json) {
        return CanonicalJson.parseObject(json);
    }

    @Test
    void setsEveryField() {
        Todo t = new Todo();
        StateHydrator.hydrate(t, state("{\"draft\":null,\"ids\":[3,4],\"done\":2.0}"));
        assertEquals(null, t.draft);
        assertEquals(List.of(3, 4), t.ids);
        assertEquals(2, t.done());
    }

    @Test
    void missingFieldIsAnError() {
        MalformedSnapshotException e = assertThrows(MalformedSnapshotException.class,
                () -> StateHydrator.hydrate(new Todo(), state("{\"draft\":\"x\",\"ids\":[]}")));
        assertEquals("snapshot state lacks the state field 'done'", e.getMessage());
    }

    @Test
    void unknownKeyIsAnError() {
        MalformedSnapshotException e = assertThrows(MalformedSnapshotException.class, () -> StateHydrator.hydrate(
                new Todo(), state("{\"draft\":\"x\",\"ids\":[],\"done\":1,\"admin\":true}")));
        assertEquals("snapshot state has a key that is not a state field of this component", e.getMessage());
    }

    @Test
    void coercionFailureNamesThePathAndLeavesTheInstanceUntouched() {
        Todo t = new Todo();
        CoercionException e = assertThrows(CoercionException.class,
                () -> StateHydrator.hydrate(t, state("{\"draft\":\"changed\",\"ids\":[1,\"x\"],\"done\":1}")));
        assertEquals("ids[1]: expected a number, got a string that is not one", e.clientMessage());
        assertEquals("initial", t.draft);
        assertEquals(0, t.done());
    }
}
