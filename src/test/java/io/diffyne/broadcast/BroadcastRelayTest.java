package io.diffyne.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.diffyne.runtime.BroadcastMessage;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BroadcastRelayTest {

    @Test
    void putsEveryObservedBroadcastOnTheBus() {
        LocalBroadcastBus bus = new LocalBroadcastBus();
        List<String> seen = new ArrayList<>();
        bus.subscribe(b -> seen.add(b.channel() + "/" + b.message().name() + "#" + b.seq()));
        BroadcastRelay relay = new BroadcastRelay(bus);
        relay.onBroadcast(new BroadcastMessage("room:a", "joined", JsonValue.NULL, "c1"));
        relay.onAsyncBroadcast(new BroadcastMessage("room:a", "left", JsonValue.NULL, "c1"));
        assertEquals(List.of("room:a/joined#1", "room:a/left#2"), seen);
    }
}
