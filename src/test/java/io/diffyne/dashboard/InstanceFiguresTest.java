package io.diffyne.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.diffyne.broadcast.SystemChannels;
import io.diffyne.component.spi.Names;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** An instance's figures as the bus carries them: round trip, bounded size, and nothing else taken for them. */
class InstanceFiguresTest {

    static InstanceFigures figures(String instance, long actions) {
        return new InstanceFigures(instance, 1_764_612_000_000L, true, "0.1.0", 300, actions, 2, 4, 1.5, 180, 2_400,
                0.2, 2, 1, 3, 5, 81_234_567);
    }

    @Test
    void theFiguresSurviveTheirJson() {
        InstanceFigures f = figures("node-1:4711/diffyne", 120);
        assertEquals(Optional.of(f), InstanceFigures.parse(f.toJson()));
    }

    @Test
    void aMessageIsSmallWhateverItsNames() {
        InstanceFigures f = new InstanceFigures("h".repeat(10_000), Long.MAX_VALUE, false, "v".repeat(10_000),
                Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Double.MAX_VALUE, Long.MAX_VALUE,
                Long.MAX_VALUE, Double.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
                Long.MAX_VALUE);
        assertEquals(InstanceFigures.MAX_NAME, f.instance().length());
        int bytes = f.toJson().toString().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 1_024, bytes + " bytes");
    }

    @Test
    void anythingButTheFiguresIsIgnored() {
        JsonObject good = figures("node-1", 1).toJson();
        List<JsonValue> bad = List.of(JsonValue.NULL, Json.createValue("figures"), JsonValue.EMPTY_JSON_OBJECT,
                Json.createObjectBuilder(good).add("format", 2).build(),
                Json.createObjectBuilder(good).remove("format").build(),
                Json.createObjectBuilder(good).add("instance", " ").build(),
                Json.createObjectBuilder(good).add("instance", 7).build(),
                Json.createObjectBuilder(good).add("up", "yes").build(),
                Json.createObjectBuilder(good).add("actions", "many").build(),
                Json.createObjectBuilder(good).add("actions", 1.5).build(),
                Json.createObjectBuilder(good).remove("heapUsedBytes").build());
        for (JsonValue value : bad) {
            assertEquals(Optional.empty(), InstanceFigures.parse(value), value.toString());
        }
    }

    @Test
    void theSystemChannelIsNoChannelAComponentOrClientMayName() {
        assertTrue(SystemChannels.isSystem(SystemChannels.INSTANCES));
        assertTrue(!Names.isChannelName(SystemChannels.INSTANCES), "a component could broadcast or listen there");
        assertTrue(!SystemChannels.isSystem("chat.general"));
    }
}
