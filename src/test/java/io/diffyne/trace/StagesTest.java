package io.diffyne.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/** Stage marks become flight recorder events that add up to their action, and cost nothing without a recording. */
class StagesTest {

    @Test
    void withoutARecordingNothingIsTimed() {
        assertFalse(Stages.begin("websocket"));
        Stages.mark("ignored"); // no action begun: nothing to end, nothing thrown
        Stages.end("ignored");
    }

    @Test
    void aRecordedActionsStagesAddUpToItsTotal() throws IOException {
        Path file = Files.createTempFile("stages", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("io.diffyne.Stage");
            recording.enable("io.diffyne.Action");
            recording.start();
            assertTrue(Stages.begin("ajax"));
            Stages.label("counter", "increment");
            Stages.mark("parse");
            Stages.mark("render");
            Stages.end("send");
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Files.delete(file);
        List<RecordedEvent> stages = events.stream()
                .filter(e -> e.getEventType().getName().equals("io.diffyne.Stage")).toList();
        RecordedEvent action = events.stream().filter(e -> e.getEventType().getName().equals("io.diffyne.Action"))
                .findFirst().orElseThrow();
        assertEquals(List.of("parse", "render", "send"), stages.stream().map(e -> e.getString("stage")).toList());
        assertEquals("ajax", action.getString("transport"));
        assertEquals("counter", action.getString("component"));
        assertEquals("increment", action.getString("method"));
        assertEquals(3, action.getInt("stages"));
        assertEquals(action.getLong("nanos"), stages.stream().mapToLong(e -> e.getLong("nanos")).sum());
        assertTrue(stages.stream().allMatch(e -> e.getLong("action") == action.getLong("action")));
    }
}
