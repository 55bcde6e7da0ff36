package io.diffyne.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * Stage marks become flight recorder events that add up to their action, and cost nothing without a recording; a
 * recording with the JDK's default settings gets only the actions of 20 ms or more, without their stages.
 */
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
            recording.enable("io.diffyne.Action").withoutThreshold();
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

    @Test
    void aDefaultRecordingGetsOnlySlowActionsAndNoStages() throws IOException, ParseException, InterruptedException {
        Path file = Files.createTempFile("stages-default", ".jfr");
        try (Recording recording = new Recording(Configuration.getConfiguration("default"))) {
            recording.start();
            assertTrue(Stages.begin("websocket"));
            Stages.label("counter", "fast");
            Stages.mark("parse");
            Stages.end("send");
            assertTrue(Stages.begin("websocket"));
            Stages.label("counter", "slow");
            Stages.mark("parse");
            Thread.sleep(25); // the action's own work: it must take longer than the 20 ms threshold
            Stages.end("send");
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().startsWith("io.diffyne.")).toList();
        Files.delete(file);
        assertEquals(1, events.size(), events::toString);
        RecordedEvent action = events.get(0);
        assertEquals("io.diffyne.Action", action.getEventType().getName());
        assertEquals("slow", action.getString("method"));
        assertEquals(2, action.getInt("stages"));
        assertTrue(action.getLong("nanos") >= 20_000_000L, () -> action.getLong("nanos") + " ns");
        assertTrue(action.getDuration().toNanos() >= 20_000_000L, () -> action.getDuration() + "");
    }
}
